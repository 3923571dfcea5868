import { type Translate, translator } from "@/lib/i18n";
import { formatRelativeTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { PageChrome } from "@/lib/page-chrome";
import type { PasskeyListed as PasskeyRow } from "@/lib/server/account/passkeys";
import type { PasskeyNotice } from "@/lib/validations/passkey-input";
import { ConfirmForm } from "../account/confirm-form";
import { PageShell } from "../page-shell";


/** GET /account/passkeys, and a refused rename shown again (422) with the row it was for. */
export type PasskeysView = { csrf: string; passkeys: PasskeyRow[]; now: Date; notice: PasskeyNotice | null; badNameFor: string | null };

/** GET /account/passkeys/new, and a refused addition shown again (422). */
export type AddPasskeyView = { csrf: string; options: string; name: string; error: "bad_name" | "refused" | null };

export type RemovePasskeyView = { csrf: string; id: string; name: string };

/** Each passkey with where it lives, when it was added and last used, a rename form and a link to remove it. */
export function passkeysScreen(chrome: PageChrome, view: PasskeysView) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("account.passkeys.title")} wide>
      {view.notice && (
        <p className="notice" role="status">
          {t(`account.passkeys.done.${view.notice}`)}
        </p>
      )}
      <p className="muted">{t("account.passkeys.intro")}</p>
      {view.passkeys.length === 0 ? (
        <p>{t("account.passkeys.none")}</p>
      ) : (
        <ul className="apps">
          {view.passkeys.map((passkey, index) => (
            <PasskeyItem key={passkey.id} passkey={passkey} index={index} view={view} locale={chrome.locale} t={t} />
          ))}
        </ul>
      )}
      <div className="actions">
        <a className="button primary" href="/account/passkeys/new">
          {t("account.passkeys.add")}
        </a>
        <a className="button" href="/account">
          {t("account.back")}
        </a>
      </div>
    </PageShell>
  );
}

function PasskeyItem({ passkey, index, view, locale, t }: { passkey: PasskeyRow; index: number; view: PasskeysView; locale: Locale; t: Translate }) {
  const field = `passkey-name-${index}`;
  const badName = view.badNameFor === passkey.id;
  const invalid = badName ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {};
  return (
    <li className="app">
      <h2 id={`${field}-title`}>{passkey.name}</h2>
      <p className="app-line">{passkey.synced ? t("account.passkeys.synced") : t("account.passkeys.thisDevice")}</p>
      <p className="muted app-line">
        <time dateTime={passkey.createdAt.toISOString()}>{t("account.passkeys.added", { ago: formatRelativeTime(passkey.createdAt, locale, view.now) })}</time>
      </p>
      <p className="muted app-line">
        {passkey.lastUsedAt ? (
          <time dateTime={passkey.lastUsedAt.toISOString()}>{t("account.passkeys.lastUsed", { ago: formatRelativeTime(passkey.lastUsedAt, locale, view.now) })}</time>
        ) : (
          t("account.passkeys.neverUsed")
        )}
      </p>
      <form method="post" action="/account/passkeys/rename" className="field">
        <input type="hidden" name="csrf" value={view.csrf} />
        <input type="hidden" name="id" value={passkey.id} />
        {badName && (
          <p className="alert" role="alert" id={`${field}-error`}>
            {t("account.passkeys.badName")}
          </p>
        )}
        <label htmlFor={field}>{t("account.passkeys.renameLabel", { name: passkey.name })}</label>
        <input id={field} name="name" type="text" required maxLength={60} defaultValue={passkey.name} {...invalid} />
        <div className="actions">
          <button type="submit">{t("account.passkeys.rename", { name: passkey.name })}</button>
          <a className="button" href={`/account/passkeys/remove?id=${encodeURIComponent(passkey.id)}`}>
            {t("account.passkeys.remove", { name: passkey.name })}
          </a>
        </div>
      </form>
    </li>
  );
}

/**
 * The name, then the ceremony: public/passkey.js creates the passkey with the
 * options in data-passkey-register when the form is sent, and sends it along.
 * Without the script (or WebAuthn Level 3) the form stays hidden and says why.
 */
export function addPasskeyScreen(chrome: PageChrome, view: AddPasskeyView) {
  const t = translator(chrome.locale);
  const invalid = view.error === "bad_name" ? { "aria-invalid": true, "aria-describedby": "passkey-name-error passkey-name-hint" } : { "aria-describedby": "passkey-name-hint" };
  return (
    <PageShell chrome={chrome} title={t("account.passkeys.new.title")}>
      <p>{t("account.passkeys.new.body")}</p>
      {view.error === "refused" && (
        <p className="alert" role="alert">
          {t("account.passkeys.new.refused")}
        </p>
      )}
      <form method="post" action="/account/passkeys/new" className="stack" data-passkey-register={view.options}>
        <input type="hidden" name="csrf" value={view.csrf} />
        <input type="hidden" name="credential" value="" />
        <p className="notice" data-passkey-unsupported>
          {t("account.passkeys.new.unsupported")}
        </p>
        <p className="alert" role="alert" data-passkey-error hidden>
          {t("account.passkeys.new.failed")}
        </p>
        <div className="stack" data-passkey-offer hidden>
          {view.error === "bad_name" && (
            <p className="alert" role="alert" id="passkey-name-error">
              {t("account.passkeys.badName")}
            </p>
          )}
          <label htmlFor="passkey-name">{t("account.passkeys.new.name")}</label>
          <input id="passkey-name" name="name" type="text" required maxLength={60} defaultValue={view.name} autoComplete="off" {...invalid} />
          <p id="passkey-name-hint" className="muted field-hint">
            {t("account.passkeys.new.nameHint")}
          </p>
          <div className="actions">
            <button type="submit" className="primary">
              {t("account.passkeys.new.submit")}
            </button>
          </div>
        </div>
        <p>
          <a href="/account/passkeys">{t("account.passkeys.backToList")}</a>
        </p>
      </form>
    </PageShell>
  );
}

export function removePasskeyScreen(chrome: PageChrome, view: RemovePasskeyView) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("account.passkeys.removeConfirm.title")}>
      <p>{t("account.passkeys.removeConfirm.body", { name: view.name })}</p>
      <ConfirmForm action="/account/passkeys/remove" csrf={view.csrf} fields={{ id: view.id }} confirm={t("account.passkeys.removeConfirm.confirm")} cancel={t("account.cancel")} danger />
    </PageShell>
  );
}
