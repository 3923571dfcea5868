import type { Translate } from "@/lib/i18n";

/**
 * The password change. Nothing typed comes back after a refusal: the page
 * says why, and the fields start empty. Browsers offer a new password for
 * the fields marked new-password.
 */
export function PasswordForm({ csrf, email, error, minLength, t }: { csrf: string; email: string; error: string | null; minLength: number; t: Translate }) {
  const invalid = error ? { "aria-invalid": true, "aria-describedby": "password-error" } : {};
  return (
    <form method="post" action="/account/password/submit" className="stack">
      <input type="hidden" name="csrf" value={csrf} />
      {/* Password managers file the new password under this account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {error && (
        <p className="alert" role="alert" id="password-error">
          {error}
        </p>
      )}
      <label htmlFor="current-password">{t("account.password.current")}</label>
      <input id="current-password" name="current" type="password" autoComplete="current-password" required {...invalid} autoFocus />
      <label htmlFor="new-password">{t("account.password.next")}</label>
      <input id="new-password" name="next" type="password" autoComplete="new-password" required minLength={minLength} aria-describedby="password-rule" />
      <p id="password-rule" className="muted field-hint">
        {t("account.password.rule", { min: minLength })}
      </p>
      <label htmlFor="confirm-password">{t("account.password.confirm")}</label>
      <input id="confirm-password" name="confirm" type="password" autoComplete="new-password" required minLength={minLength} />
      <div className="check">
        <input id="keep-sessions" name="keep_sessions" type="checkbox" value="1" aria-describedby="keep-sessions-hint" />
        <label htmlFor="keep-sessions">{t("account.password.keepSessions")}</label>
      </div>
      <p id="keep-sessions-hint" className="muted field-hint">
        {t("account.password.keepSessionsHint")}
      </p>
      <div className="actions">
        <button type="submit" className="primary">
          {t("account.password.submit")}
        </button>
        <a className="button" href="/account">
          {t("account.cancel")}
        </a>
      </div>
    </form>
  );
}

/** The first password of an account that has none: the same rule and fields as a change, without the current password. */
export function SetPasswordForm({ csrf, email, error, minLength, t }: { csrf: string; email: string; error: string | null; minLength: number; t: Translate }) {
  const invalid = error ? { "aria-invalid": true, "aria-describedby": "password-error password-rule" } : { "aria-describedby": "password-rule" };
  return (
    <form method="post" action="/account/password/set" className="stack">
      <input type="hidden" name="csrf" value={csrf} />
      {/* Password managers file the new password under this account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {error && (
        <p className="alert" role="alert" id="password-error">
          {error}
        </p>
      )}
      <label htmlFor="new-password">{t("account.password.next")}</label>
      <input id="new-password" name="next" type="password" autoComplete="new-password" required minLength={minLength} {...invalid} autoFocus />
      <p id="password-rule" className="muted field-hint">
        {t("account.password.rule", { min: minLength })}
      </p>
      <label htmlFor="confirm-password">{t("account.password.confirm")}</label>
      <input id="confirm-password" name="confirm" type="password" autoComplete="new-password" required minLength={minLength} />
      <div className="actions">
        <button type="submit" className="primary">
          {t("account.password.set.submit")}
        </button>
        <a className="button" href="/account">
          {t("account.cancel")}
        </a>
      </div>
    </form>
  );
}
