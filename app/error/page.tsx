import { z } from "zod";
import { ProblemView } from "@/components/problem-view";
import { pageContext } from "@/lib/server/context";

// Hydra sends the browser here with its error when no client redirect is possible. Shown as text, never as HTML.
const errorQuery = z.object({
  error: z.string().max(200).optional().catch(undefined),
  error_description: z.string().max(1000).optional().catch(undefined),
});

export default async function HydraErrorPage({ searchParams }: PageProps<"/error">) {
  const raw = await searchParams;
  const query = errorQuery.parse(raw);
  const { t, chrome } = await pageContext({ path: "/error", query: raw });
  return (
    <ProblemView chrome={chrome} title={t("problem.oauth.title")} body={query.error_description ?? t("problem.oauth.body")}>
      {query.error && (
        <p className="muted">
          {t("problem.oauth.code")}: <code>{query.error}</code>
        </p>
      )}
    </ProblemView>
  );
}
