import type { Translate } from "@/lib/i18n";

type Props = { mode: "change" | "set"; csrf: string; email: string; error: string | null; minLength: number; t: Translate };

/**
 * The password change, or the first password of an account that has none
 * (the same rule and fields, without the current password). Nothing typed
 * comes back after a refusal: the page says why, and the fields start empty.
 * Browsers offer a new password for the fields marked new-password.
 */
export function PasswordForm({ mode, csrf, email, error, minLength, t }: Props) {
  const change = mode === "change";
  const invalid = error ? { "aria-invalid": true, "aria-describedby": "password-error" } : {};
  // The first field carries the error: the current password when there is one, else the new one.
  const newPasswordLink = !change && error ? { "aria-invalid": true, "aria-describedby": "password-error password-rule" } : { "aria-describedby": "password-rule" };
  return (
    <form method="post" action={change ? "/account/password/submit" : "/account/password/set"} className="stack">
      <input type="hidden" name="csrf" value={csrf} />
      {/* Password managers file the new password under this account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {error && (
        <p className="alert" role="alert" id="password-error">
          {error}
        </p>
      )}
      {change && (
        <>
          <label htmlFor="current-password">{t("account.password.current")}</label>
          <input id="current-password" name="current" type="password" autoComplete="current-password" required {...invalid} autoFocus />
        </>
      )}
      <label htmlFor="new-password">{t("account.password.next")}</label>
      <input id="new-password" name="next" type="password" autoComplete="new-password" required minLength={minLength} {...newPasswordLink} autoFocus={!change} />
      <p id="password-rule" className="muted field-hint">
        {t("account.password.rule", { min: minLength })}
      </p>
      <label htmlFor="confirm-password">{t("account.password.confirm")}</label>
      <input id="confirm-password" name="confirm" type="password" autoComplete="new-password" required minLength={minLength} />
      {change && (
        <>
          <div className="check">
            <input id="keep-sessions" name="keep_sessions" type="checkbox" value="1" aria-describedby="keep-sessions-hint" />
            <label htmlFor="keep-sessions">{t("account.password.keepSessions")}</label>
          </div>
          <p id="keep-sessions-hint" className="muted field-hint">
            {t("account.password.keepSessionsHint")}
          </p>
        </>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t(change ? "account.password.submit" : "account.password.set.submit")}
        </button>
        <a className="button" href="/account">
          {t("account.cancel")}
        </a>
      </div>
    </form>
  );
}
