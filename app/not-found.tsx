import { ProblemView } from "@/components/problem-view";
import { translator } from "@/lib/server/context";

export default function NotFound() {
  const { t } = translator();
  return <ProblemView title={t("problem.not_found.title")} body={t("problem.not_found.body")} />;
}
