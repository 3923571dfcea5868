import type { AppProps } from "next/app";
import { ProblemScreen } from "@/components/problem-view";
import type { PageProps } from "@/lib/server/serve";
import "@/styles/globals.css";

/** Every page answers with its view or a problem (lib/server/serve.ts); a problem is rendered here, the same for all. */
export default function ProviderApp({ Component, pageProps }: AppProps<PageProps<unknown>>) {
  const { chrome, content } = pageProps;
  if (content.kind === "problem") return <ProblemScreen chrome={chrome} problem={content.problem} retry={content.retry} />;
  return <Component chrome={chrome} view={content.view} />;
}
