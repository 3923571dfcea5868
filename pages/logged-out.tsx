import { PageShell } from "@/components/page-shell";
import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { servePage } from "@/lib/server/serve";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

/** Hydra's post-logout page when the client named none (urls.post_logout_redirect). */
export const getServerSideProps = servePage<null>(async (page) => ({ kind: "show", view: null, locale: page.chooseLocale() }));

export default function LoggedOutPage({ chrome }: { chrome: PageChrome }) {
  const t = translator(chrome.locale);
  return (
    <PageShell chrome={chrome} title={t("loggedOut.title")}>
      <p>{t("loggedOut.body")}</p>
    </PageShell>
  );
}
