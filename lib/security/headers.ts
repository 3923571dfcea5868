export type HeaderOptions = {
  nonce: string;
  https: boolean;
  /** Where this page's forms may end up: see formActionSources. */
  formTargets: string[];
  /** The page runs the passkey script (public/passkey.js), allowed by the nonce; every other page runs none. */
  passkeyScript?: boolean;
};

/** The one place security headers are decided; lib/server/serve.ts applies them to every page. */
export function securityHeaders({ nonce, https, formTargets, passkeyScript = false }: HeaderOptions): Record<string, string> {
  const csp = [
    "default-src 'self'",
    // The pages work without JavaScript: only a passkey ceremony needs one, and only its page may run it.
    passkeyScript ? `script-src 'nonce-${nonce}'` : "script-src 'none'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${["'self'", ...formTargets].join(" ")}`,
    // A consent page inside someone else's frame is clickjacking.
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");

  return {
    "Content-Security-Policy": csp,
    // Challenges travel in URLs; they must not leak to logos or links on the page.
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * CSP sources for form-action. Browsers apply form-action to every redirect
 * after a form post, so a consent form must allow not only Hydra but also the
 * client's redirect URIs, where Hydra sends the browser next. Anything that is
 * not a clean origin or scheme is dropped rather than let into the header.
 */
const scriptingSchemes = new Set(["javascript:", "vbscript:", "data:", "blob:", "filesystem:"]);

export function formActionSources(targets: readonly string[]): string[] {
  const sources = new Set<string>();
  for (const target of targets) {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      continue;
    }
    if (url.protocol === "http:" || url.protocol === "https:") sources.add(url.origin);
    else if (/^[a-z][a-z0-9+.-]*:$/.test(url.protocol) && !scriptingSchemes.has(url.protocol)) sources.add(url.protocol);
  }
  return [...sources];
}
