import type { ReactNode } from "react";
import { PageShell } from "./page-shell";

export function ProblemView({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <PageShell title={title}>
      <p>{body}</p>
      {children}
    </PageShell>
  );
}
