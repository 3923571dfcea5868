import { ProblemView } from "@/components/problem-view";
import { pageContext } from "@/lib/server/context";

export default async function NotFound() {
  const { t, chrome } = await pageContext({ path: "/problem/not_found" });
  return <ProblemView chrome={chrome} title={t("problem.not_found.title")} body={t("problem.not_found.body")} />;
}
