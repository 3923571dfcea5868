import { PageShell } from "@/components/page-shell";
import { translator } from "@/lib/server/context";

export default function LoggedOutPage() {
  const { t } = translator();
  return (
    <PageShell title={t("loggedOut.title")}>
      <p>{t("loggedOut.body")}</p>
    </PageShell>
  );
}
