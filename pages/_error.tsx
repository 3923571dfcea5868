import type { NextPageContext } from "next";
import { chooseLocale } from "@/lib/i18n/locales";
import { pageChrome } from "@/lib/page-chrome";
import type { PageProps } from "@/lib/server/serve";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

/**
 * Next.js's last resort, when rendering a page failed: the "unavailable"
 * problem in the browser's language, never the error itself. Unknown paths
 * are answered by pages/[...path].tsx. This module is also bundled for the
 * browser, so it uses nothing that reads the server's configuration.
 */
function ErrorPage() {
  return null;
}

ErrorPage.getInitialProps = ({ req, res }: NextPageContext): PageProps<never> => {
  const notFound = res?.statusCode === 404;
  const acceptLanguage = req?.headers["accept-language"];
  const locale = chooseLocale({ acceptLanguage: typeof acceptLanguage === "string" ? acceptLanguage : undefined });
  return {
    chrome: pageChrome({ locale, pathAndQuery: "/", branding: { colors: { light: {}, dark: {} }, links: {} } }),
    nonce: "",
    content: { kind: "problem", problem: notFound ? "page_not_found" : "unavailable", retry: !notFound },
  };
};

export default ErrorPage;
