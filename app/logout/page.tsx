import { redirect } from "next/navigation";
import { LogoutForm } from "@/components/logout-form";
import { PageShell } from "@/components/page-shell";
import { decideLogoutStart } from "@/lib/flows/logout";
import { acceptLogout, getLogoutRequest } from "@/lib/hydra";
import { findUserById } from "@/lib/identity/users";
import { currentFlowSession, formToken, pageContext, trustedClients } from "@/lib/server/context";
import { challengeParam } from "@/lib/server/challenge";

export default async function LogoutPage({ searchParams }: PageProps<"/logout">) {
  const challenge = await challengeParam(searchParams, "logout_challenge");
  const request = await getLogoutRequest(challenge);
  if (decideLogoutStart(request, trustedClients()).action === "accept") redirect(await acceptLogout(request.challenge));

  const session = await currentFlowSession();
  const user = request.subject ? await findUserById(request.subject) : undefined;
  const { t, chrome } = await pageContext({ path: "/logout", query: await searchParams });
  return (
    <PageShell chrome={chrome} title={t("logout.title")}>
      <p>{t("logout.intro", { subject: user ? ` (${user.email})` : "" })}</p>
      {request.rpInitiated && request.client && <p>{t("logout.fromClient", { client: request.client.name })}</p>}
      <LogoutForm
        challenge={request.challenge}
        csrf={formToken(session, "logout", request.challenge)}
        labels={{ accept: t("logout.accept"), reject: t("logout.reject") }}
      />
    </PageShell>
  );
}
