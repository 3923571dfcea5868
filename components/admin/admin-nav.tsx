import type { Translate } from "@/lib/i18n";

export const adminSections = ["clients", "issuers", "tokens", "subjects", "playground", "audit"] as const;
export type AdminSection = (typeof adminSections)[number];

/** The console's sections; the current one is marked for assistive technology. */
export function AdminNav({ current, t }: { current?: AdminSection; t: Translate }) {
  return (
    <nav aria-label={t("admin.nav.label")}>
      <ul className="admin-nav">
        <li>
          <a href="/admin" aria-current={current === undefined ? "page" : undefined}>
            {t("admin.nav.home")}
          </a>
        </li>
        {adminSections.map((section) => (
          <li key={section}>
            <a href={`/admin/${section}`} aria-current={current === section ? "page" : undefined}>
              {t(`admin.nav.${section}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
