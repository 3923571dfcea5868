/**
 * The browser is only ever sent to Hydra (its public origin) or to our own
 * configured pages. A redirect target is never taken from a query parameter.
 */
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
