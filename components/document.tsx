import type { ReactNode } from "react";
import type { PageChrome } from "@/lib/page-chrome";

type Props = {
  chrome: PageChrome;
  /** The request's CSP nonce, for the one inline style: the deployment's theme. */
  nonce: string;
  stylesheet: string;
  themeCss: string;
  children: ReactNode;
};

/**
 * The whole document of every page. `lang` and `dir` come from the chrome the
 * page's text is rendered with, so they cannot disagree; the page's <title>
 * (components/page-shell.tsx) is hoisted into <head> by React.
 */
export function Document({ chrome, nonce, stylesheet, themeCss, children }: Props) {
  return (
    <html lang={chrome.locale} dir={chrome.dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <meta name="color-scheme" content="light dark" />
        <link rel="stylesheet" href={stylesheet} />
        {themeCss ? <style nonce={nonce}>{themeCss}</style> : null}
      </head>
      <body>{children}</body>
    </html>
  );
}
