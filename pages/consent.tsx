import { ClientCard, type ClientCardInfo, clientCardInfo, clientCardLabels } from "@/components/client-card";
import { ConsentForm, type ScopeGroup } from "@/components/consent-form";
import { PageShell } from "@/components/page-shell";
import { messagesFor, translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { scopeCatalogue } from "@/lib/scopes/catalogue";
import { type ShownScope, consentScopeView } from "@/lib/scopes/consent-view";
import { audienceLabel, scopeText } from "@/lib/scopes/text";
import { serveFlowPage } from "@/lib/server/serve";
import * as consent from "@/lib/server/steps/consent";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type ConsentView = {
  client: ClientCardInfo;
  challenge: string;
  csrf: string;
  subject: string;
  /** New scopes, and those this client already holds; texts in the page's language. */
  newScopes: ScopeGroup["scopes"];
  grantedScopes: ScopeGroup["scopes"];
  audience: string[];
};

export const getServerSideProps = serveFlowPage({
  param: "consent_challenge",
  start: consent.start,
  view: ({ request, user, previouslyGranted }, page, locale): ConsentView => {
    const catalogue = scopeCatalogue();
    const scopes = consentScopeView({ requested: request.requestedScope, catalogue, previouslyGranted });
    const messages = messagesFor(locale);
    const item = (scope: ShownScope) => ({ ...scope, ...scopeText(scope.name, locale, catalogue, messages) });
    return {
      client: clientCardInfo(request.client),
      challenge: request.challenge,
      csrf: page.formToken("consent", request.challenge),
      subject: user.email,
      newScopes: scopes.newScopes.map(item),
      grantedScopes: scopes.grantedScopes.map(item),
      audience: request.requestedAudience.map(audienceLabel),
    };
  },
});

export default function ConsentPage({ chrome, view }: { chrome: PageChrome; view: ConsentView }) {
  const t = translator(chrome.locale);
  const client = view.client.name;
  const groups: ScopeGroup[] =
    view.grantedScopes.length > 0
      ? [
          { legend: t("consent.newLegend", { client }), scopes: view.newScopes },
          { legend: t("consent.grantedLegend", { client }), scopes: view.grantedScopes },
        ]
      : [{ legend: t("consent.scopesLegend", { client }), scopes: view.newScopes }];
  return (
    <PageShell chrome={chrome} title={t("consent.title")}>
      <ClientCard client={view.client} labels={clientCardLabels(t)} />
      <p>{t("consent.intro", { client, subject: view.subject })}</p>
      <ConsentForm
        challenge={view.challenge}
        csrf={view.csrf}
        groups={groups}
        audience={view.audience}
        labels={{
          required: t("consent.required"),
          requiredHint: t("consent.requiredHint", { client }),
          sensitive: t("consent.sensitive"),
          audience: t("consent.audience"),
          remember: t("consent.remember"),
          accept: t("consent.accept"),
          reject: t("consent.reject"),
        }}
      />
    </PageShell>
  );
}
