import { html } from "@/components/html";
import { ProblemScreen } from "@/components/problem-view";
import { type ProblemPage, isProblemKind, problemPage } from "@/lib/flows/problems";
import { servePage } from "@/lib/server/serve";

export const config = { api: { bodyParser: false } };

/**
 * GET /problem/<kind>: a problem's own page, where the language switcher of a
 * refused form post leads. Flow pages render their problems in place with the
 * problem's status; this page only explains, and answers 200.
 */
export default servePage<ProblemPage>(
  async (page) => {
    const kind = typeof page.query.kind === "string" && isProblemKind(page.query.kind) ? page.query.kind : "not_found";
    return { kind: "show", view: problemPage(kind), locale: page.chooseLocale() };
  },
  html((chrome, problem) => <ProblemScreen chrome={chrome} problem={problem} retry={false} />),
);
