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
