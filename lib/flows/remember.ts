/** The client metadata keys a client may set to change how long a decision is remembered. */
export type RememberKey = "remember_login_for" | "remember_consent_for";

/** A client may shorten or lengthen remembering through its metadata, e.g. `{"remember_login_for": 3600}`. */
export function rememberFor(metadata: Record<string, unknown>, key: RememberKey, fallback: number): number {
  const value = metadata[key];
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : fallback;
}
