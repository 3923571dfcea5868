import { PageShell } from "@/components/page-shell";
import { pageContext } from "@/lib/server/context";

export default async function LoggedOutPage({ searchParams }: PageProps<"/logged-out">) {
  const { t, chrome } = await pageContext({ path: "/logged-out", query: await searchParams });
  return (
    <PageShell chrome={chrome} title={t("loggedOut.title")}>
      <p>{t("loggedOut.body")}</p>
    </PageShell>
  );
}
