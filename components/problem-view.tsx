import type { ReactNode } from "react";
import { type PageChrome, PageShell } from "./page-shell";

export function ProblemView({ chrome, title, body, children }: { chrome: PageChrome; title: string; body: string; children?: ReactNode }) {
  return (
    <PageShell chrome={chrome} title={title}>
      <p>{body}</p>
      {children}
    </PageShell>
  );
}
