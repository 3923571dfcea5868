import type { AccountNotice } from "@/lib/validations/account-input";
import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { AppList, type AppView } from "../account/app-list";
import { ConfirmForm } from "../account/confirm-form";
import { PasswordForm } from "../account/password-form";
import { ProfileForm, type ProfileValues } from "../account/profile-form";
import { ClientCard, type ClientCardInfo, clientCardLabels } from "../client-card";
import { PageShell } from "../page-shell";

export type AccountView = {
  csrf: string;
  email: string;
  emailVerified: boolean;
  profile: ProfileValues;
  apps: AppView[];
  now: Date;
  notice: AccountNotice | null;
  /** Null when TWO_STEP_SIGN_IN is off. */
  twoFactor: { app: boolean; recoveryCodesLeft: number } | null;
  /** How many passkeys the account has; null when PASSKEYS is off. */
  passkeys: number | null;
  /** False for an account made by an upstream sign-in with no password yet. */
  hasPassword: boolean;
  /** How many upstream providers are linked; null when none are and none are configured. */
  providers: number | null;
};

/** /account: who is signed in, their profile, the apps they let in, and their sign-ins. */
export function accountScreen(chrome: PageChrome, view: AccountView) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("account.title")} wide>
      {view.notice && (
        <p className="notice" role="status">
          {t(`account.done.${view.notice}`)}
        </p>
      )}
      <div className="account-head">
        <p>{t("account.signedInAs", { email: view.email })}</p>
        <form method="post" action="/account/sign-out">
          <input type="hidden" name="csrf" value={view.csrf} />
          <button type="submit">{t("account.signOut")}</button>
        </form>
      </div>

      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t("account.profile.title")}</h2>
        <p className="muted">{t("account.profile.intro")}</p>
        <dl className="facts">
          <dt>{t("account.profile.email")}</dt>
          <dd>
            {view.email}{" "}
            <span className={view.emailVerified ? "badge" : "badge badge-sensitive"}>
              {view.emailVerified ? t("account.profile.verified") : t("account.profile.notVerified")}
            </span>
          </dd>
        </dl>
        <ProfileForm csrf={view.csrf} values={view.profile} t={t} />
        <p>
          <a href="/account/password">{view.hasPassword ? t("account.password.title") : t("account.password.set.title")}</a>
        </p>
      </section>

      {view.twoFactor && <TwoFactorSection twoFactor={view.twoFactor} t={t} />}

      {view.passkeys !== null && (
        <section aria-labelledby="passkeys-title">
          <h2 id="passkeys-title">{t("account.passkeys.title")}</h2>
          <p className="muted">{t("account.passkeys.intro")}</p>
          <p>{t("account.passkeys.count", { count: view.passkeys })}</p>
          <p>
            <a href="/account/passkeys">{t("account.passkeys.manage")}</a>
          </p>
        </section>
      )}

      {view.providers !== null && (
        <section aria-labelledby="providers-title">
          <h2 id="providers-title">{t("account.providers.title")}</h2>
          <p className="muted">{t("account.providers.intro")}</p>
          <p>{t("account.providers.count", { count: view.providers })}</p>
          <p>
            <a href="/account/providers">{t("account.providers.manage")}</a>
          </p>
        </section>
      )}

      <section aria-labelledby="apps-title">
        <h2 id="apps-title">{t("account.apps.title")}</h2>
        <p className="muted">
          {t("account.apps.intro")} {t("account.appCount", { count: view.apps.length })}
        </p>
        <AppList apps={view.apps} now={view.now} locale={chrome.locale} t={t} />
        {view.apps.length > 1 && (
          <p>
            <a className="button" href="/account/apps/remove-all">
              {t("account.apps.removeAll")}
            </a>
          </p>
        )}
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("account.sessions.title")}</h2>
        <p>{t("account.sessions.intro")}</p>
        <p className="muted">{t("account.sessions.tokens")}</p>
        <p>
          <a className="button" href="/account/sessions/end">
            {t("account.sessions.signOutEverywhere")}
          </a>
        </p>
      </section>
    </PageShell>
  );
}

/** "set": the account has no password yet (made by an upstream sign-in), so there is no current one to ask for. */
export type PasswordView = { csrf: string; email: string; mode: "change" | "set"; error: "wrong_password" | "too_short" | "too_common" | "mismatch" | null; minLength: number };

export function passwordScreen(chrome: PageChrome, view: PasswordView) {
  const t = translator(chrome.locale);
  const error = view.error && t(`account.password.${view.error}`, { min: view.minLength });
  const set = view.mode === "set";
  return (
    <PageShell chrome={chrome} title={t(set ? "account.password.set.title" : "account.password.title")}>
      <p>{t(set ? "account.password.set.intro" : "account.password.intro")}</p>
      <PasswordForm mode={view.mode} csrf={view.csrf} email={view.email} error={error} minLength={view.minLength} t={t} />
    </PageShell>
  );
}

export type RemoveAppView = { csrf: string; clientId: string; client: ClientCardInfo };

export function removeAppScreen(chrome: PageChrome, view: RemoveAppView) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("account.removeApp.title")}>
      <ClientCard client={view.client} labels={clientCardLabels(t)} />
      <p>{t("account.removeApp.body", { client: view.client.name })}</p>
      <ConfirmForm
        action="/account/apps/remove/submit"
        csrf={view.csrf}
        fields={{ client: view.clientId }}
        confirm={t("account.removeApp.confirm")}
        cancel={t("account.cancel")}
        danger
      />
    </PageShell>
  );
}

export type RemoveAllView = { csrf: string; count: number };

export function removeAllScreen(chrome: PageChrome, view: RemoveAllView) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("account.removeAll.title")}>
      <p>{t("account.removeAll.body", { count: view.count })}</p>
      <ConfirmForm action="/account/apps/remove-all/submit" csrf={view.csrf} confirm={t("account.removeAll.confirm")} cancel={t("account.cancel")} danger />
    </PageShell>
  );
}

export function endSessionsScreen(chrome: PageChrome, view: { csrf: string }) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("account.endSessions.title")}>
      <p>{t("account.sessions.intro")}</p>
      <p>{t("account.sessions.tokens")}</p>
      <ConfirmForm action="/account/sessions/end/submit" csrf={view.csrf} confirm={t("account.endSessions.confirm")} cancel={t("account.cancel")} danger />
    </PageShell>
  );
}

/** After signing out of the account page (here, or everywhere). */
export function signedOutScreen(chrome: PageChrome, view: { everywhere: boolean }) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("account.signedOut.title")}>
      <p>{view.everywhere ? t("account.signedOut.everywhere") : t("account.signedOut.body")}</p>
      {view.everywhere && <p className="muted">{t("account.sessions.tokens")}</p>}
      <p>
        <a className="button" href="/account">
          {t("account.signedOut.signIn")}
        </a>
      </p>
    </PageShell>
  );
}

/** next-auth's error page: the way back from Hydra did not finish (a cancelled sign-in, a stale or forged callback). */
export function signInFailedScreen(chrome: PageChrome) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("account.signInFailed.title")}>
      <p>{t("account.signInFailed.body")}</p>
      <p>
        <a className="button" href="/account">
          {t("account.signInFailed.tryAgain")}
        </a>
      </p>
    </PageShell>
  );
}

function TwoFactorSection({ twoFactor, t }: { twoFactor: { app: boolean; recoveryCodesLeft: number }; t: ReturnType<typeof translator> }) {
  return (
    <section aria-labelledby="two-factor-title">
      <h2 id="two-factor-title">{t("account.twoFactor.title")}</h2>
      <p className="muted">{t("account.twoFactor.intro")}</p>
      <p>
        {twoFactor.app ? t("account.twoFactor.on") : t("account.twoFactor.off")}
        {twoFactor.app && <> {t("account.twoFactor.codesLeft", { count: twoFactor.recoveryCodesLeft })}</>}
      </p>
      {twoFactor.app ? (
        <ul>
          <li>
            <a href="/account/two-factor/recovery-codes">{t("account.twoFactor.newCodes")}</a>
          </li>
          <li>
            <a href="/account/two-factor/remove">{t("account.twoFactor.remove")}</a>
          </li>
        </ul>
      ) : (
        <p>
          <a className="button" href="/account/two-factor">
            {t("account.twoFactor.setUp")}
          </a>
        </p>
      )}
    </section>
  );
}
