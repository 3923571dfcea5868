import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { PageChrome } from "@/lib/page-chrome";
import type { DocumentAssets, Html } from "@/lib/server/answers";
import { Document } from "./document";
import { ProblemScreen } from "./problem-view";

/**
 * The HTML of a page whose view `screen` renders. React renders it once, on
 * the server, with no client runtime, no hydration data and no script
 * (ARCHITECTURE.md explains why).
 */
export function html<V>(screen: (chrome: PageChrome, view: V) => ReactElement): Html<V> {
  return {
    page: (assets, view) => documentHtml(assets, screen(assets.chrome, view)),
    problem: (assets, problem, retry) => documentHtml(assets, <ProblemScreen chrome={assets.chrome} problem={problem} retry={retry} />),
  };
}

/** For handlers that only ever answer with a redirect or a problem: form posts, unknown paths. */
export const problemsOnly: Html<never> = html<never>(() => {
  throw new Error("this handler has no page of its own");
});

function documentHtml(assets: DocumentAssets, page: ReactElement): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(<Document assets={assets}>{page}</Document>)}`;
}
