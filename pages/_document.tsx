import { type DocumentProps, Head, Html, Main, NextScript } from "next/document";
import { branding, brandingCss } from "@/lib/branding/config";
import type { PageProps } from "@/lib/server/serve";

let css: string | undefined;

/**
 * The document around every page: `lang` and `dir` from the page's own chrome
 * (chosen once per request, ui_locales included), and the deployment's theme
 * inline with the request's CSP nonce, so the first paint already has it.
 */
export default function ProviderDocument({ __NEXT_DATA__ }: DocumentProps) {
  const { chrome, nonce } = __NEXT_DATA__.props.pageProps as PageProps<unknown>;
  css ??= brandingCss(branding());
  return (
    <Html lang={chrome.locale} dir={chrome.dir}>
      <Head nonce={nonce}>
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <meta name="color-scheme" content="light dark" />
        {css ? <style nonce={nonce}>{css}</style> : null}
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
