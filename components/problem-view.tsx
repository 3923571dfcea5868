import type { ReactNode } from "react";
import type { ProblemPage } from "@/lib/flows/problems";
import { translator } from "@/lib/i18n";
import type { PageChrome } from "@/lib/page-chrome";
import { PageShell } from "./page-shell";

export function ProblemView({ chrome, title, body, children }: { chrome: PageChrome; title: string; body: string; children?: ReactNode }) {
  return (
    <PageShell chrome={chrome} title={title}>
      <p>{body}</p>
      {children}
    </PageShell>
  );
}

/** A refused or failed request, explained in the page's language; an outage offers a retry that needs no JavaScript. */
export function ProblemScreen({ chrome, problem, retry }: { chrome: PageChrome; problem: ProblemPage; retry: boolean }) {
  const t = translator(chrome.locale);
  return (
    <ProblemView chrome={chrome} title={t(`problem.${problem}.title`)} body={t(`problem.${problem}.body`)}>
      {(problem === "unavailable" || problem === "account_unavailable") && retry && (
        <p>
          {/* An empty href reloads the same URL. */}
          <a className="button" href="">
            {t("problem.unavailable.retry")}
          </a>
        </p>
      )}
    </ProblemView>
  );
}
