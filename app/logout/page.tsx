import { redirect } from "next/navigation";
import { LogoutForm } from "@/components/logout-form";
import { PageShell } from "@/components/page-shell";
import { getLogoutRequest } from "@/lib/hydra";
import { answerLogoutWithoutPage } from "@/lib/server/automatic-answers";
import { findUserById } from "@/lib/identity/users";
import { currentFlowSession, formToken, pageContext } from "@/lib/server/context";
import { challengeParam } from "@/lib/server/challenge";

export default async function LogoutPage({ searchParams }: PageProps<"/logout">) {
  const challenge = await challengeParam(searchParams, "logout_challenge");
  const request = await getLogoutRequest(challenge);
  // The flow gate has already answered a trusted client; this only runs if that changed since.
  const answered = await answerLogoutWithoutPage(request);
  if (answered) redirect(answered);

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
