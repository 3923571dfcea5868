import { redirect } from "next/navigation";
import { ClientCard } from "@/components/client-card";
import { LoginForm } from "@/components/login-form";
import { PageShell } from "@/components/page-shell";
import { decideLoginStart } from "@/lib/flows/login";
import { acceptLogin, getLoginRequest } from "@/lib/hydra";
import { clientLabels, currentFlowSession, formToken, loginPolicy, pageContext } from "@/lib/server/context";
import { challengeParam } from "@/lib/server/challenge";

export default async function LoginPage({ searchParams }: PageProps<"/login">) {
  const challenge = await challengeParam(searchParams, "login_challenge");
  const query = await searchParams;
  const failedBefore = query.error === "invalid_credentials";
  const request = await getLoginRequest(challenge);
  const decision = decideLoginStart(request, loginPolicy());
  if (decision.action === "accept") redirect(await acceptLogin(request.challenge, decision.body));

  const session = await currentFlowSession();
  const flash = session?.flash?.challenge === request.challenge ? session.flash : undefined;
  const { t, chrome } = await pageContext({ path: "/login", query, uiLocales: request.oidc.uiLocales });
  return (
    <PageShell chrome={chrome} title={t("login.title")}>
      <ClientCard client={request.client} labels={clientLabels(t)} />
      <p>{t("login.intro", { client: request.client.name })}</p>
      {decision.reason && (
        <p className="notice">{t(decision.reason === "max_age" ? "login.reauthMaxAge" : "login.reauthPromptLogin", { client: request.client.name })}</p>
      )}
      {decision.expectedEmail && (
        <p className="notice">{t("login.expectedAccount", { client: request.client.name, email: decision.expectedEmail })}</p>
      )}
      <LoginForm
        challenge={request.challenge}
        csrf={formToken(session, "login", request.challenge)}
        email={flash?.email ?? decision.prefillEmail}
        error={failedBefore ? t("login.invalidCredentials") : undefined}
        labels={{
          email: t("login.email"),
          password: t("login.password"),
          remember: t("login.remember"),
          submit: t("login.submit"),
          cancel: t("login.cancel"),
        }}
      />
    </PageShell>
  );
}
