import { redirect } from "next/navigation";
import { ClientCard } from "@/components/client-card";
import { ConsentForm } from "@/components/consent-form";
import { PageShell } from "@/components/page-shell";
import { decideConsentStart } from "@/lib/flows/consent";
import { acceptConsent, getConsentRequest, rejectConsent } from "@/lib/hydra";
import { scopeDescription } from "@/lib/i18n";
import { findUserById } from "@/lib/identity/users";
import { clientLabels, currentFlowSession, formToken, translator, trustedClients } from "@/lib/server/context";
import { challengeParam } from "@/lib/server/challenge";

export default async function ConsentPage({ searchParams }: PageProps<"/consent">) {
  const challenge = await challengeParam(searchParams, "consent_challenge");
  const request = await getConsentRequest(challenge);
  const user = await findUserById(request.subject);
  const decision = decideConsentStart(request, user, trustedClients());
  if (decision.action === "accept") redirect(await acceptConsent(request.challenge, decision.body));
  if (decision.action === "reject") redirect(await rejectConsent(request.challenge, decision.body));

  const session = await currentFlowSession();
  const { t, messages } = translator();
  const client = request.client.name;
  return (
    <PageShell title={t("consent.title")}>
      <ClientCard client={request.client} labels={clientLabels(t)} />
      <p>{t("consent.intro", { client, subject: user?.email ?? request.subject })}</p>
      <ConsentForm
        challenge={request.challenge}
        csrf={formToken(session, "consent", request.challenge)}
        scopes={request.requestedScope.map((name) => ({ name, description: scopeDescription(messages, name) }))}
        audience={request.requestedAudience}
        labels={{
          legend: t("consent.scopesLegend", { client }),
          audience: t("consent.audience", { audience: request.requestedAudience.join(", ") }),
          remember: t("consent.remember"),
          accept: t("consent.accept"),
          reject: t("consent.reject"),
        }}
      />
    </PageShell>
  );
}
