import type { ReauthenticationReason } from "@/lib/flows/login";
import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { ClientCard, type ClientCardInfo, clientCardLabels } from "../client-card";
import { LoginForm } from "../login-form";
import { PageShell } from "../page-shell";
import { SelfServiceLinks } from "../self-service-links";

export type LoginView = {
  client: ClientCardInfo;
  challenge: string;
  csrf: string;
  email: string;
  failedBefore: boolean;
  reason: ReauthenticationReason | null;
  expectedEmail: string | null;
  /** Which self-service links the page offers. */
  selfService?: { reset: boolean; register: boolean };
};

export function loginScreen(chrome: PageChrome, view: LoginView) {
  const t = translator(chrome.locale);
  const client = view.client.name;
  return (
    <PageShell chrome={chrome} title={t("login.title")}>
      <ClientCard client={view.client} labels={clientCardLabels(t)} />
      <p>{t("login.intro", { client })}</p>
      {view.reason && <p className="notice">{t(view.reason === "max_age" ? "login.reauthMaxAge" : "login.reauthPromptLogin", { client })}</p>}
      {view.expectedEmail && <p className="notice">{t("login.expectedAccount", { client, email: view.expectedEmail })}</p>}
      <LoginForm
        challenge={view.challenge}
        csrf={view.csrf}
        email={view.email}
        error={view.failedBefore ? t("login.invalidCredentials") : undefined}
        labels={{
          email: t("login.email"),
          password: t("login.password"),
          remember: t("login.remember"),
          submit: t("login.submit"),
          cancel: t("login.cancel"),
        }}
      />
      <SelfServiceLinks
        challenge={view.challenge}
        reset={view.selfService?.reset ?? false}
        register={view.selfService?.register ?? false}
        labels={{ nav: t("selfService.links.label"), forgot: t("selfService.links.forgot"), register: t("selfService.links.register") }}
      />
    </PageShell>
  );
}
