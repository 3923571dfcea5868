import { FetchError, ResponseError } from "@ory/client-fetch";

/**
 * Every way a call to Hydra can fail, classified once. Pages map a kind to one
 * message and one status; Hydra's own error text never reaches a page.
 */
export type HydraFailure =
  | { kind: "not_found" } // unknown, tampered or wrong-purpose challenge (404)
  | { kind: "expired" } // older than ttl.login_consent_request (401), or a 409 conflict: start over
  | { kind: "handled"; redirectTo: string } // 410: already handled, Hydra says where to go
  | { kind: "invalid" } // 400: missing challenge or a body Hydra refused
  | { kind: "unavailable" }; // network failure, timeout or 5xx

export class HydraError extends Error {
  override name = "HydraError";
  constructor(readonly failure: HydraFailure) {
    super(`Hydra call failed: ${failure.kind}`);
  }
}

export function failureForStatus(status: number, body: unknown): HydraFailure {
  if (status === 404) return { kind: "not_found" };
  if (status === 401 || status === 409) return { kind: "expired" };
  if (status === 410) {
    const redirectTo = (body as { redirect_to?: unknown } | null)?.redirect_to;
    return typeof redirectTo === "string" ? { kind: "handled", redirectTo } : { kind: "not_found" };
  }
  if (status >= 400 && status < 500) return { kind: "invalid" };
  return { kind: "unavailable" };
}

export async function classifyHydraError(error: unknown): Promise<HydraError> {
  if (error instanceof HydraError) return error;
  if (error instanceof ResponseError) {
    const body = await error.response.json().catch(() => null);
    return new HydraError(failureForStatus(error.response.status, body));
  }
  if (error instanceof FetchError || isAbort(error)) return new HydraError({ kind: "unavailable" });
  // A response we could not parse is Hydra misbehaving, not the user's problem.
  return new HydraError({ kind: "unavailable" });
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}
