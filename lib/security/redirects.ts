/**
 * The browser is only ever sent to Hydra (its public origin) or to our own
 * configured pages. A redirect target is never taken from a query parameter.
 */
/**
 * Hydra's 410 for a used logout challenge carries the original request_url,
 * which is only a path ("/oauth2/sessions/logout?…"): it is resolved against
 * Hydra's public URL before the origin check.
 */
export function resolveHydraRedirect(target: string, hydraPublicUrl: string): string | undefined {
  try {
    const resolved = new URL(target, hydraPublicUrl).toString();
    return isHydraRedirect(resolved, hydraPublicUrl) ? resolved : undefined;
  } catch {
    return undefined;
  }
}

export function isHydraRedirect(target: string, hydraPublicUrl: string): boolean {
  try {
    return new URL(target).origin === new URL(hydraPublicUrl).origin;
  } catch {
    return false;
  }
}

/** Client-supplied links and logos are shown only when they are plain http(s) URLs (never javascript: or data:). */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
