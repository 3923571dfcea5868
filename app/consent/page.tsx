import { redirect } from "next/navigation";
import { ClientCard } from "@/components/client-card";
import { ConsentForm, type ScopeGroup } from "@/components/consent-form";
import { PageShell } from "@/components/page-shell";
import { getConsentRequest } from "@/lib/hydra";
import { answerConsentWithoutPage } from "@/lib/server/automatic-answers";
import { scopesPreviouslyGranted } from "@/lib/hydra/consent-sessions";
import { findUserById } from "@/lib/identity/users";
import { scopeCatalogue } from "@/lib/scopes/catalogue";
import { type ShownScope, consentScopeView } from "@/lib/scopes/consent-view";
import { audienceLabel, scopeText } from "@/lib/scopes/text";
import { clientLabels, currentFlowSession, formToken, pageContext } from "@/lib/server/context";
import { challengeParam } from "@/lib/server/challenge";

export default async function ConsentPage({ searchParams }: PageProps<"/consent">) {
  const challenge = await challengeParam(searchParams, "consent_challenge");
  const request = await getConsentRequest(challenge);
  // The flow gate has already answered a remembered consent or a trusted client; this only runs if that changed since.
  const answered = await answerConsentWithoutPage(request);
  if (answered) redirect(answered);
  const user = await findUserById(request.subject);

  const session = await currentFlowSession();
  const { t, messages, locale, chrome } = await pageContext({
    path: "/consent",
    query: await searchParams,
    uiLocales: request.oidc.uiLocales,
  });
  const catalogue = scopeCatalogue();
  // Only groups the list as "already shared": if Hydra cannot list sessions, every scope is shown as new.
  const previouslyGranted = await scopesPreviouslyGranted(request.subject, request.client.id).catch(() => []);
  const view = consentScopeView({ requested: request.requestedScope, catalogue, previouslyGranted });
  const item = (scope: ShownScope) => ({ ...scope, ...scopeText(scope.name, locale, catalogue, messages) });
  const client = request.client.name;
  const groups: ScopeGroup[] =
    view.grantedScopes.length > 0
      ? [
          { legend: t("consent.newLegend", { client }), scopes: view.newScopes.map(item) },
          { legend: t("consent.grantedLegend", { client }), scopes: view.grantedScopes.map(item) },
        ]
      : [{ legend: t("consent.scopesLegend", { client }), scopes: view.newScopes.map(item) }];
  return (
    <PageShell chrome={chrome} title={t("consent.title")}>
      <ClientCard client={request.client} labels={clientLabels(t)} />
      <p>{t("consent.intro", { client, subject: user?.email ?? request.subject })}</p>
      <ConsentForm
        challenge={request.challenge}
        csrf={formToken(session, "consent", request.challenge)}
        groups={groups}
        audience={request.requestedAudience.map(audienceLabel)}
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
