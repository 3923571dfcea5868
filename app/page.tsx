import { PageShell } from "@/components/page-shell";
import { pageContext } from "@/lib/server/context";

export default async function HomePage({ searchParams }: PageProps<"/">) {
  const { t, chrome } = await pageContext({ path: "/", query: await searchParams });
  return (
    <PageShell chrome={chrome} title={t("app.homeTitle")}>
      <p>{t("app.homeBody")}</p>
      <p>
        <a href="https://www.ory.sh/docs/hydra/guides/custom-ui-oauth2">{t("app.docs")}</a>
      </p>
    </PageShell>
  );
}
