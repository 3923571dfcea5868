import { ProblemView } from "@/components/problem-view";
import { isProblemKind, problemPage } from "@/lib/flows/problems";
import { pageContext } from "@/lib/server/context";

/** Rendered by proxy.ts (a rewrite with the problem's status) whenever a flow request is refused. */
export default async function ProblemPage({ params, searchParams }: PageProps<"/problem/[kind]">) {
  const { kind } = await params;
  const problem = problemPage(isProblemKind(kind) ? kind : "not_found");
  const { t, chrome } = await pageContext({ path: `/problem/${problem}`, query: await searchParams });
  return (
    <ProblemView chrome={chrome} title={t(`problem.${problem}.title`)} body={t(`problem.${problem}.body`)}>
      {problem === "unavailable" && (
        <p>
          {/* An empty href reloads the same URL: a retry that needs no JavaScript. */}
          <a className="button" href="">
            {t("problem.unavailable.retry")}
          </a>
        </p>
      )}
    </ProblemView>
  );
}
