import { type MessageKey, translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import type { SelfServiceView } from "@/lib/server/self-service/views";
import { PageShell } from "../page-shell";

type T = ReturnType<typeof translator>;

function Hidden({ fields }: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <p className="alert" role="alert" id={id}>
      {text}
    </p>
  ) : null;
}

function BackToSignIn({ challenge, t }: { challenge: string; t: T }) {
  return challenge ? (
    <p>
      <a href={`/login?login_challenge=${encodeURIComponent(challenge)}`}>{t("selfService.register.backToSignIn")}</a>
    </p>
  ) : null;
}

/** "Didn't get the e-mail?": a new code and link to the same address, in a form of its own beside the code form. */
function ResendCode({ view, locale, t }: { view: Extract<SelfServiceView, { screen: "checkEmail" }>; locale: string; t: T }) {
  const wait = view.resend.waitMinutes;
  return (
    <section className="resend" aria-labelledby="resend-title">
      <h2 id="resend-title">{t("selfService.checkEmail.resendTitle")}</h2>
      <p className="field-hint muted" id="resend-hint">
        {t("selfService.checkEmail.resendHint")}
      </p>
      {wait !== undefined && (
        <p className="alert" role="alert" id="resend-error">
          {t("selfService.checkEmail.resendTooMany", { minutes: wait })}
        </p>
      )}
      <form method="post" action="/verify/resend">
        <Hidden fields={{ challenge: view.challenge, csrf: view.csrf, locale }} />
        <div className="actions">
          <button type="submit" aria-describedby={wait !== undefined ? "resend-hint resend-error" : "resend-hint"}>
            {t("selfService.checkEmail.resend")}
          </button>
        </div>
      </form>
    </section>
  );
}

const linkTexts: Record<"used" | "expired" | "unknown", [MessageKey, MessageKey]> = {
  used: ["selfService.link.usedTitle", "selfService.link.usedBody"],
  expired: ["selfService.link.expiredTitle", "selfService.link.expiredBody"],
  unknown: ["selfService.link.invalidTitle", "selfService.link.invalidBody"],
};

/** Registration, verification and password reset: one view type, one page per screen. */
export function selfServiceScreen(chrome: PageChrome, view: SelfServiceView) {
  const t = translator(chrome.locale);
  switch (view.screen) {
    case "register": {
      const error = view.error && t(`selfService.register.${view.error}`);
      const invalid = (field: "email" | "name" | "password") =>
        view.error && { email: ["invalidEmail"], name: ["invalidName"], password: ["tooShort", "tooCommon"] }[field].includes(view.error)
          ? { "aria-invalid": true, "aria-describedby": "register-error" }
          : {};
      return (
        <PageShell chrome={chrome} title={t("selfService.register.title")}>
          <p>{t("selfService.register.intro")}</p>
          <form method="post" action="/register/submit" className="stack">
            <Hidden fields={{ challenge: view.challenge, csrf: view.csrf, locale: chrome.locale }} />
            <FieldError id="register-error" text={error} />
            <label htmlFor="email">{t("selfService.register.email")}</label>
            <input id="email" name="email" type="email" autoComplete="email" required defaultValue={view.email} {...invalid("email")} />
            <label htmlFor="name">{t("selfService.register.name")}</label>
            <input id="name" name="name" type="text" autoComplete="name" required maxLength={200} defaultValue={view.name} {...invalid("name")} />
            <label htmlFor="password">{t("selfService.register.password")}</label>
            <input id="password" name="password" type="password" autoComplete="new-password" required minLength={12} aria-describedby="password-hint" {...invalid("password")} />
            <p className="field-hint muted" id="password-hint">
              {t("selfService.register.passwordHint")}
            </p>
            <div className="actions">
              <button type="submit" className="primary">
                {t("selfService.register.submit")}
              </button>
            </div>
          </form>
          <BackToSignIn challenge={view.challenge} t={t} />
        </PageShell>
      );
    }
    case "forgot":
      return (
        <PageShell chrome={chrome} title={t("selfService.forgot.title")}>
          <p>{t("selfService.forgot.intro")}</p>
          <form method="post" action="/forgot-password/submit" className="stack">
            <Hidden fields={{ challenge: view.challenge, csrf: view.csrf, locale: chrome.locale }} />
            <FieldError id="forgot-error" text={view.error && t("selfService.register.invalidEmail")} />
            <label htmlFor="email">{t("selfService.register.email")}</label>
            <input
              id="email"
              name="email"
              type="email"
              autoComplete="email"
              required
              defaultValue={view.email}
              {...(view.error ? { "aria-invalid": true, "aria-describedby": "forgot-error" } : {})}
            />
            <div className="actions">
              <button type="submit" className="primary">
                {t("selfService.forgot.submit")}
              </button>
            </div>
          </form>
          <BackToSignIn challenge={view.challenge} t={t} />
        </PageShell>
      );
    case "checkEmail":
      return (
        <PageShell chrome={chrome} title={t("selfService.checkEmail.title")}>
          {view.reason === "unverified" ? (
            <p className="notice">{t("selfService.verify.needed")}</p>
          ) : view.reason === "resent" ? (
            <p className="notice" role="status">
              {t("selfService.checkEmail.resent")}
            </p>
          ) : (
            <p>{t("selfService.checkEmail.registered")}</p>
          )}
          <form method="post" action="/verify/submit" className="stack">
            <Hidden fields={{ challenge: view.challenge, csrf: view.csrf, locale: chrome.locale }} />
            <FieldError id="code-error" text={view.wrongCode ? t("selfService.checkEmail.wrongCode") : undefined} />
            <label htmlFor="code">{t("selfService.checkEmail.code")}</label>
            <input
              id="code"
              name="code"
              type="text"
              autoComplete="one-time-code"
              autoCapitalize="characters"
              spellCheck={false}
              required
              maxLength={64}
              {...(view.wrongCode ? { "aria-invalid": true, "aria-describedby": "code-error" } : {})}
            />
            <div className="actions">
              <button type="submit" className="primary">
                {t("selfService.checkEmail.submit")}
              </button>
            </div>
          </form>
          {view.resend.offered && <ResendCode view={view} locale={chrome.locale} t={t} />}
        </PageShell>
      );
    case "resetSent":
      return (
        <PageShell chrome={chrome} title={t("selfService.checkEmail.title")}>
          <p>{t("selfService.checkEmail.reset")}</p>
        </PageShell>
      );
    case "verifyLink":
      return (
        <PageShell chrome={chrome} title={t("selfService.verify.title")}>
          <p>{t("selfService.verify.intro")}</p>
          <form method="post" action="/verify/submit">
            <Hidden fields={{ token: view.token, csrf: view.csrf }} />
            <div className="actions">
              <button type="submit" className="primary">
                {t("selfService.verify.submit")}
              </button>
            </div>
          </form>
        </PageShell>
      );
    case "verified":
      return (
        <PageShell chrome={chrome} title={t("selfService.verify.doneTitle")}>
          <p>{t("selfService.verify.doneBody")}</p>
        </PageShell>
      );
    case "reset":
      return (
        <PageShell chrome={chrome} title={t("selfService.reset.title")}>
          <form method="post" action="/reset-password/submit" className="stack">
            <Hidden fields={{ token: view.token, csrf: view.csrf, locale: chrome.locale }} />
            <FieldError id="reset-error" text={view.error && t(`selfService.register.${view.error}`)} />
            <label htmlFor="password">{t("selfService.reset.password")}</label>
            <input
              id="password"
              name="password"
              type="password"
              autoComplete="new-password"
              required
              minLength={12}
              aria-describedby={view.error ? "reset-error password-hint" : "password-hint"}
              {...(view.error ? { "aria-invalid": true } : {})}
            />
            <p className="field-hint muted" id="password-hint">
              {t("selfService.register.passwordHint")}
            </p>
            <div className="actions">
              <button type="submit" className="primary">
                {t("selfService.reset.submit")}
              </button>
            </div>
          </form>
        </PageShell>
      );
    case "resetDone":
      return (
        <PageShell chrome={chrome} title={t("selfService.reset.doneTitle")}>
          <p role="status">{t("selfService.reset.doneBody")}</p>
          {view.continueWith ? (
            <form method="post" action="/reset-password/continue">
              <Hidden fields={{ challenge: view.continueWith.challenge, csrf: view.continueWith.csrf }} />
              <div className="actions">
                <button type="submit" className="primary">
                  {t("selfService.reset.continue")}
                </button>
              </div>
            </form>
          ) : (
            <p>{t("selfService.reset.signIn")}</p>
          )}
        </PageShell>
      );
    case "link": {
      const [title, body] = linkTexts[view.state];
      return (
        <PageShell chrome={chrome} title={t(title)}>
          <p>{t(body)}</p>
        </PageShell>
      );
    }
  }
}
