import type { ReactNode } from "react";
import type { DocumentAssets } from "@/lib/server/answers";

/**
 * The whole document of every page. `lang` and `dir` come from the chrome the
 * page's text is rendered with, so they cannot disagree; the page's <title>
 * (components/page-shell.tsx) is hoisted into <head> by React. The theme is
 * the one inline style, allowed by the nonce; the passkey script, on the
 * pages that run a ceremony, is the one script, allowed by the same nonce.
 */
export function Document({ assets, children }: { assets: DocumentAssets; children: ReactNode }) {
  const { chrome, nonce, stylesheet, themeCss, script } = assets;
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
        {script ? <script nonce={nonce} src={script} defer /> : null}
      </head>
      <body>{children}</body>
    </html>
  );
}
