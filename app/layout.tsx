import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { branding, brandingCss } from "@/lib/branding/config";
import { textDirection } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/server/context";
import "./globals.css";

export const metadata: Metadata = {
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export const viewport: Viewport = { colorScheme: "light dark" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Reading the request makes every page dynamic, so each response carries scripts with its own CSP nonce.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // A layout sees neither the query nor Hydra's ui_locales: this is the cookie/Accept-Language guess, and each
  // page sets its own exact lang and dir on its wrapper (components/page-shell.tsx).
  const locale = await requestLocale();
  const css = brandingCss(branding());
  return (
    <html lang={locale} dir={textDirection(locale)}>
      <head>{css ? <style nonce={nonce}>{css}</style> : null}</head>
      <body>{children}</body>
    </html>
  );
}
