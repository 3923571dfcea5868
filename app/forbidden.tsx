import { ProblemView } from "@/components/problem-view";
import { translator } from "@/lib/server/context";

export default function Forbidden() {
  const { t } = translator();
  return <ProblemView title={t("problem.forbidden.title")} body={t("problem.forbidden.body")} />;
}
