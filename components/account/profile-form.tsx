import type { Translate } from "@/lib/i18n";
import { type Locale, localeNames, locales } from "@/lib/i18n/locales";

export type ProfileValues = { name: string | null; givenName: string | null; familyName: string | null; locale: string | null };

/** The name fields and the preferred language; each becomes a claim of the next ID token. */
export function ProfileForm({ csrf, values, t }: { csrf: string; values: ProfileValues; t: Translate }) {
  const text = (id: string, name: string, label: string, value: string | null, autoComplete: string) => (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type="text" maxLength={200} autoComplete={autoComplete} defaultValue={value ?? ""} />
    </>
  );
  return (
    <form method="post" action="/account/profile/submit" className="stack">
      <input type="hidden" name="csrf" value={csrf} />
      {text("profile-name", "name", t("account.profile.name"), values.name, "name")}
      {text("profile-given-name", "given_name", t("account.profile.givenName"), values.givenName, "given-name")}
      {text("profile-family-name", "family_name", t("account.profile.familyName"), values.familyName, "family-name")}
      <label htmlFor="profile-locale">{t("account.profile.locale")}</label>
      <select id="profile-locale" name="locale" defaultValue={values.locale ?? ""}>
        <option value="">{t("account.profile.noLocale")}</option>
        {locales.map((locale: Locale) => (
          <option key={locale} value={locale} lang={locale}>
            {localeNames[locale]}
          </option>
        ))}
      </select>
      <div className="actions">
        <button type="submit" className="primary">
          {t("account.profile.save")}
        </button>
      </div>
    </form>
  );
}
