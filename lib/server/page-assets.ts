import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { branding, brandingCss } from "@/lib/branding/config";

let assets: { stylesheet: string; themeCss: string; passkeyScript: string } | undefined;

/** A file of public/ with a version from its content, so a new release is never served a cached old one. */
function versioned(file: string): string {
  try {
    const version = createHash("sha256").update(readFileSync(join(process.cwd(), "public", file))).digest("base64url").slice(0, 12);
    return `/${file}?v=${version}`;
  } catch {
    // Served without a version: a cache may keep an old file for a while, nothing breaks.
    return `/${file}`;
  }
}

/**
 * What documents link or inline, read once: the stylesheet (public/styles.css),
 * the deployment's theme, and for the pages that run a passkey ceremony the
 * passkey script (public/passkey.js).
 */
export function pageAssets(): { stylesheet: string; themeCss: string; passkeyScript: string } {
  assets ??= { stylesheet: versioned("styles.css"), themeCss: brandingCss(branding()), passkeyScript: versioned("passkey.js") };
  return assets;
}
