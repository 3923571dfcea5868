import type { ReactNode } from "react";
import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { PageShell } from "../page-shell";
import { type AdminSection, AdminNav } from "./admin-nav";

/** Every console page: the page frame, wide, with who is signed in, sign-out and the sections. */
export function AdminShell({
  chrome,
  title,
  section,
  email,
  csrf,
  children,
}: {
  chrome: PageChrome;
  title: string;
  section?: AdminSection;
  email: string;
  csrf: string;
  children: ReactNode;
}) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={title} wide>
      <div className="account-head">
        <p>{t("admin.signedInAs", { email })}</p>
        <form method="post" action="/account/sign-out">
          <input type="hidden" name="csrf" value={csrf} />
          <button type="submit">{t("account.signOut")}</button>
        </form>
      </div>
      <AdminNav current={section} t={t} />
      {children}
    </PageShell>
  );
}
