import { type Translate, translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { ConfirmForm } from "../account/confirm-form";
import { PageShell } from "../page-shell";
import { TotpKey } from "../totp-key";

/** GET /account/two-factor and the answers to its forms. */
export type TwoFactorView =
  | { kind: "enrol"; csrf: string; uri: string; secret: string; wrongCode: boolean }
  | { kind: "already_set_up"; csrf: string }
  | { kind: "codes"; codes: string[]; renewed: boolean };

export function twoFactorScreen(chrome: PageChrome, view: TwoFactorView) {
  const t = translator(chrome.locale);
  switch (view.kind) {
    case "enrol":
      return (
        <PageShell chrome={chrome} title={t("account.twoFactor.enrol.title")}>
          <EnrolForm view={view} t={t} />
        </PageShell>
      );
    case "already_set_up":
      return (
        <PageShell chrome={chrome} title={t("account.twoFactor.already.title")}>
          <p>{t("account.twoFactor.already.body")}</p>
          <ConfirmForm action="/account/two-factor/replace" csrf={view.csrf} confirm={t("account.twoFactor.already.replace")} cancel={t("account.cancel")} />
        </PageShell>
      );
    case "codes":
      return (
        <PageShell chrome={chrome} title={t("account.twoFactor.codes.title")}>
          <p className="notice" role="status">
            {view.renewed ? t("account.twoFactor.codes.renewed") : t("account.twoFactor.codes.enrolled")}
          </p>
          <p>{t("account.twoFactor.codes.body")}</p>
          <ul className="secret recovery-codes" aria-label={t("account.twoFactor.codes.list")}>
            {view.codes.map((code) => (
              <li key={code} dir="ltr">
                <code>{code}</code>
              </li>
            ))}
          </ul>
          <p>
            <strong>{t("account.twoFactor.codes.once")}</strong>
          </p>
          <p>
            <a className="button primary" href="/account">
              {t("account.twoFactor.codes.done")}
            </a>
          </p>
        </PageShell>
      );
  }
}

function EnrolForm({ view, t }: { view: Extract<TwoFactorView, { kind: "enrol" }>; t: Translate }) {
  const invalid = view.wrongCode ? { "aria-invalid": true, "aria-describedby": "totp-code-error totp-code-hint" } : { "aria-describedby": "totp-code-hint" };
  return (
    <>
      <TotpKey uri={view.uri} secret={view.secret} labels={totpKeyLabels(t)} />
      <form method="post" action="/account/two-factor/submit" className="stack">
        <input type="hidden" name="csrf" value={view.csrf} />
        {view.wrongCode && (
          <p className="alert" role="alert" id="totp-code-error">
            {t("account.twoFactor.enrol.wrong")}
          </p>
        )}
        <label htmlFor="totp-code">{t("account.twoFactor.enrol.code")}</label>
        <input id="totp-code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={12} required dir="ltr" {...invalid} />
        <p id="totp-code-hint" className="muted field-hint">
          {t("account.twoFactor.enrol.codeHint")}
        </p>
        <div className="actions">
          <button type="submit" className="primary">
            {t("account.twoFactor.enrol.submit")}
          </button>
          <a className="button" href="/account">
            {t("account.cancel")}
          </a>
        </div>
      </form>
    </>
  );
}

export function removeTwoFactorScreen(chrome: PageChrome, view: { csrf: string }) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("account.twoFactor.removeConfirm.title")}>
      <p>{t("account.twoFactor.removeConfirm.body")}</p>
      <ConfirmForm action="/account/two-factor/remove" csrf={view.csrf} confirm={t("account.twoFactor.removeConfirm.confirm")} cancel={t("account.cancel")} danger />
    </PageShell>
  );
}

export function renewRecoveryCodesScreen(chrome: PageChrome, view: { csrf: string }) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("account.twoFactor.renewConfirm.title")}>
      <p>{t("account.twoFactor.renewConfirm.body")}</p>
      <ConfirmForm action="/account/two-factor/recovery-codes" csrf={view.csrf} confirm={t("account.twoFactor.renewConfirm.confirm")} cancel={t("account.cancel")} />
    </PageShell>
  );
}

export const totpKeyLabels = (t: Translate) => ({
  scan: t("account.twoFactor.enrol.scan"),
  qr: t("account.twoFactor.enrol.qrLabel"),
  typeKey: t("account.twoFactor.enrol.typeKey"),
});
