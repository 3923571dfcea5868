import { PageShell } from "@/components/page-shell";
import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { servePage } from "@/lib/server/serve";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getServerSideProps = servePage<null>(async (page) => ({ kind: "show", view: null, locale: page.chooseLocale() }));

export default function HomePage({ chrome }: { chrome: PageChrome }) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("app.homeTitle")}>
      <p>{t("app.homeBody")}</p>
      <p>
        <a href="https://www.ory.sh/docs/hydra/guides/custom-ui-oauth2">{t("app.docs")}</a>
      </p>
    </PageShell>
  );
}
