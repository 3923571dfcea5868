import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Document } from "@/components/document";
import { branding, brandingCss } from "@/lib/branding/config";
import type { PageChrome } from "@/lib/page-chrome";

let assets: { stylesheet: string; themeCss: string } | undefined;

/**
 * The stylesheet (public/styles.css, its URL versioned by its content so a
 * new release is never served a cached old one) and the deployment's theme,
 * both read once.
 */
function pageAssets() {
  if (!assets) {
    let version = "";
    try {
      version = createHash("sha256").update(readFileSync(join(process.cwd(), "public", "styles.css"))).digest("base64url").slice(0, 12);
    } catch {
      // Served without a version: a cache may keep an old stylesheet for a while, nothing breaks.
    }
    assets = { stylesheet: version ? `/styles.css?v=${version}` : "/styles.css", themeCss: brandingCss(branding()) };
  }
  return assets;
}

/**
 * A page as HTML: React renders it once on the server, with no client
 * runtime, no hydration data and no script (ARCHITECTURE.md explains why).
 */
export function renderDocument(chrome: PageChrome, nonce: string, page: ReactElement): string {
  const { stylesheet, themeCss } = pageAssets();
  return `<!DOCTYPE html>${renderToStaticMarkup(
    <Document chrome={chrome} nonce={nonce} stylesheet={stylesheet} themeCss={themeCss}>
      {page}
    </Document>,
  )}`;
}
