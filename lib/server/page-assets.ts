import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { branding, brandingCss } from "@/lib/branding/config";

let assets: { stylesheet: string; themeCss: string } | undefined;

/**
 * What every document links or inlines, read once: the stylesheet
 * (public/styles.css, its URL versioned by its content so a new release is
 * never served a cached old one) and the deployment's theme.
 */
export function pageAssets(): { stylesheet: string; themeCss: string } {
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
