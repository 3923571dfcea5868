import type { ReauthenticationReason } from "@/lib/flows/login";
import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { ClientCard, type ClientCardInfo, clientCardLabels } from "../client-card";
import { LoginForm } from "../login-form";
import { PageShell } from "../page-shell";
import { type UpstreamButton, UpstreamButtons } from "../upstream-buttons";
import { SelfServiceLinks } from "../self-service-links";

export type LoginView = {
  client: ClientCardInfo;
  challenge: string;
  csrf: string;
  email: string;
  failedBefore: boolean;
  /** A passkey was refused (unknown, removed, wrong site, used before, too slow). */
  passkeyFailed: boolean;
  /** The options of a passkey sign-in as JSON; null when passkeys are off. */
  passkeyOptions: string | null;
  reason: ReauthenticationReason | null;
  expectedEmail: string | null;
  /** "Continue with …" for each upstream this client allows; and whether the email and password form is shown (metadata.local_login). */
  upstreams?: readonly UpstreamButton[];
  localLogin?: boolean;
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
      {view.passkeyFailed && (
        <p className="alert" role="alert" id="passkey-refused">
          {t("login.passkeyRefused")}
        </p>
      )}
      <UpstreamButtons buttons={view.upstreams ?? []} locale={chrome.locale} beforeLocalForm={view.localLogin !== false} />
      {view.localLogin !== false && (
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
          passkey={view.passkeyOptions === null ? undefined : { options: view.passkeyOptions, button: t("login.passkey"), cancelled: t("login.passkeyCancelled"), autofill: !view.passkeyFailed }}
        />
      )}
      {view.localLogin !== false && (
        <SelfServiceLinks
          challenge={view.challenge}
          reset={view.selfService?.reset ?? false}
          register={view.selfService?.register ?? false}
          labels={{ nav: t("selfService.links.label"), forgot: t("selfService.links.forgot"), register: t("selfService.links.register") }}
        />
      )}
    </PageShell>
  );
}
