import { ProblemView } from "@/components/problem-view";
import { translator } from "@/lib/server/context";

export default function Expired() {
  const { t } = translator();
  return <ProblemView title={t("problem.expired.title")} body={t("problem.expired.body")} />;
}
