import { PageShell } from "@/components/page-shell";
import { translator } from "@/lib/server/context";

export default function HomePage() {
  const { t } = translator();
  return (
    <PageShell title={t("app.homeTitle")}>
      <p>{t("app.homeBody")}</p>
      <p>
        <a href="https://www.ory.sh/docs/hydra/guides/custom-ui-oauth2">{t("app.docs")}</a>
      </p>
    </PageShell>
  );
}
