import { ProblemScreen } from "@/components/problem-view";
import { type ProblemPage, isProblemKind, problemPage } from "@/lib/flows/problems";
import type { PageChrome } from "@/lib/page-chrome";
import { servePage } from "@/lib/server/serve";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

/**
 * A problem's own page, where the language switcher of a refused form post
 * leads. Flow pages render their problems in place, with the problem's status;
 * this page is only an explanation and answers 200.
 */
export const getServerSideProps = servePage<ProblemPage>(async (page) => {
  const kind = typeof page.query.kind === "string" && isProblemKind(page.query.kind) ? page.query.kind : "not_found";
  return { kind: "show", view: problemPage(kind), locale: page.chooseLocale() };
});

export default function ProblemExplained({ chrome, view }: { chrome: PageChrome; view: ProblemPage }) {
  return <ProblemScreen chrome={chrome} problem={view} retry={false} />;
}
