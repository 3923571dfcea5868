import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import type { UpstreamFailure } from "@/lib/upstream/decisions";
import { ClientCard, type ClientCardInfo, clientCardLabels } from "../client-card";
import { HiddenFields } from "../hidden-fields";
import { type PasskeyOffer, PasskeyControls, passkeyFormAttributes } from "../passkey-offer";
import { PageShell } from "../page-shell";

export type UpstreamFailedView = {
  client: ClientCardInfo;
  challenge: string;
  csrf: string;
  provider: string;
  reason: Exclude<UpstreamFailure, "no_flow">;
  loginUrl: string;
};

const reasonKey = { denied: "login.upstream.denied", mismatch: "login.upstream.mismatch", failed: "login.upstream.failed", no_email: "login.upstream.noEmail" } as const;

/** Why the upstream sign-in did not happen: sign in another way, or go back to the client (which hears access_denied). */
export function upstreamFailedScreen(chrome: PageChrome, view: UpstreamFailedView) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("login.upstream.failedTitle")}>
      <ClientCard client={view.client} labels={clientCardLabels(t)} />
      <p className="alert" role="alert" id="upstream-failure" data-reason={view.reason}>
        {t(reasonKey[view.reason], { provider: view.provider })}
      </p>
      <form method="post" action="/login/upstream/abandon">
        <HiddenFields challenge={view.challenge} csrf={view.csrf} />
        <div className="actions">
          <a id="try-again" className="button" href={view.loginUrl}>
            {t("login.upstream.tryAgain")}
          </a>
          <button id="reject" type="submit">
            {t("login.upstream.back", { client: view.client.name })}
          </button>
        </div>
      </form>
    </PageShell>
  );
}

/** No upstream sign-in is under way in this browser: nothing to go back to but the application. */
export function upstreamNoFlowScreen(chrome: PageChrome) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("login.upstream.noFlowTitle")}>
      <p className="alert" role="alert" id="upstream-failure" data-reason="no_flow">
        {t("login.upstream.noFlow")}
      </p>
    </PageShell>
  );
}

export type UpstreamLinkView = {
  client: ClientCardInfo;
  challenge: string;
  csrf: string;
  email: string;
  provider: string;
  failedBefore: boolean;
  /** A passkey was refused (not this account's, used before, too slow). */
  passkeyFailed: boolean;
  /** The options of a ceremony only this account's passkeys answer, as JSON; null when it has none or passkeys are off. */
  passkeyOptions: string | null;
};

/** The existing account's password or one of its passkeys, before an upstream is linked to it (never merged silently). */
export function upstreamLinkScreen(chrome: PageChrome, view: UpstreamLinkView) {
  const t = translator(chrome.locale);
  const described = view.failedBefore ? { "aria-invalid": true, "aria-describedby": "link-error" } : {};
  const passkey: PasskeyOffer | undefined =
    view.passkeyOptions === null ? undefined : { options: view.passkeyOptions, button: t("login.upstream.linkPasskey"), cancelled: t("login.passkeyCancelled"), autofill: false };
  return (
    <PageShell chrome={chrome} title={t("login.upstream.linkTitle")}>
      <ClientCard client={view.client} labels={clientCardLabels(t)} />
      <p>{t(passkey ? "login.upstream.linkIntroPasskey" : "login.upstream.linkIntro", { email: view.email, provider: view.provider })}</p>
      {view.passkeyFailed && (
        <p className="alert" role="alert" id="passkey-refused">
          {t("login.upstream.linkPasskeyRefused", { email: view.email })}
        </p>
      )}
      <form method="post" action="/login/upstream/link/submit" className="stack" {...passkeyFormAttributes(passkey)}>
        <HiddenFields challenge={view.challenge} csrf={view.csrf} />
        <input type="hidden" name="email" value={view.email} />
        {view.failedBefore && (
          <p className="alert" role="alert" id="link-error">
            {t("login.upstream.linkWrong")}
          </p>
        )}
        {/* A visible, read-only username lets password managers pick the right entry. */}
        <label htmlFor="link-email">{t("login.email")}</label>
        <input id="link-email" type="email" autoComplete="username" value={view.email} readOnly />
        <label htmlFor="password">{t("login.password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required autoFocus {...described} />
        <div className="actions">
          <button id="accept" name="action" value="accept" type="submit" className="primary">
            {t("login.upstream.linkSubmit")}
          </button>
          <button id="reject" name="action" value="reject" type="submit" formNoValidate>
            {t("login.upstream.linkCancel")}
          </button>
        </div>
        {passkey && <PasskeyControls offer={passkey} action="/login/upstream/link/passkey" />}
      </form>
    </PageShell>
  );
}
