import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { ClientCard, type ClientCardInfo, clientCardLabels } from "../client-card";
import { ConsentForm, type ScopeGroup } from "../consent-form";
import { PageShell } from "../page-shell";

export type ConsentView = {
  client: ClientCardInfo;
  challenge: string;
  csrf: string;
  subject: string;
  /** New scopes, and those this client already holds; texts in the page's language. */
  newScopes: ScopeGroup["scopes"];
  grantedScopes: ScopeGroup["scopes"];
  audience: string[];
};

export function consentScreen(chrome: PageChrome, view: ConsentView) {
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
