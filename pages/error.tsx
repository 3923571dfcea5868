import { z } from "zod";
import { ProblemView } from "@/components/problem-view";
import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { servePage } from "@/lib/server/serve";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

// Hydra sends the browser here with its error when no client redirect is possible. Shown as text, never as HTML.
const errorQuery = z.object({
  error: z.string().max(200).optional().catch(undefined),
  error_description: z.string().max(1000).optional().catch(undefined),
});

type HydraErrorView = { error: string | null; description: string | null };

export const getServerSideProps = servePage<HydraErrorView>(async (page) => {
  const query = errorQuery.parse(page.query);
  return { kind: "show", view: { error: query.error ?? null, description: query.error_description ?? null }, locale: page.chooseLocale() };
});

export default function HydraErrorPage({ chrome, view }: { chrome: PageChrome; view: HydraErrorView }) {
  const t = translator(chrome.locale);
  return (
    <ProblemView chrome={chrome} title={t("problem.oauth.title")} body={view.description ?? t("problem.oauth.body")}>
      {view.error && (
        <p className="muted">
          {t("problem.oauth.code")}: <code>{view.error}</code>
        </p>
      )}
    </ProblemView>
  );
}
