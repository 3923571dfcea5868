import { FetchError, ResponseError } from "@ory/client-fetch";

/**
 * Every way a call to Hydra can fail, classified once. Flow pages map a kind to
 * one message and one status; Hydra's own words (`detail`) are for the admin
 * console only, never for a flow page.
 */
export type HydraFailure =
  | { kind: "not_found" } // unknown, tampered or wrong-purpose challenge (404)
  | { kind: "expired" } // older than ttl.login_consent_request (401), or a 409 conflict: start over
  | { kind: "handled"; redirectTo: string } // 410: already handled, Hydra says where to go
  | { kind: "invalid" } // 400: missing challenge or a body Hydra refused
  | { kind: "unavailable" }; // network failure, timeout or 5xx

/** Hydra's `error` and `error_description`, e.g. which client field it refused. */
export type HydraErrorDetail = { error?: string; description?: string };

export class HydraError extends Error {
  override name = "HydraError";
  constructor(
    readonly failure: HydraFailure,
    readonly detail?: HydraErrorDetail,
    /** The HTTP status Hydra answered with; undefined when it did not answer. */
    readonly status?: number,
  ) {
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

const detailLimit = 500;

/** Hydra's error body (RFC 6749 shape, x/error_enhancer.go), capped so a page can show it; undefined when it says nothing. */
export function errorDetail(body: unknown): HydraErrorDetail | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { error, error_description } = body as { error?: unknown; error_description?: unknown };
  const detail: HydraErrorDetail = {};
  if (typeof error === "string" && error) detail.error = capped(error);
  if (typeof error_description === "string" && error_description) detail.description = capped(error_description);
  return detail.error || detail.description ? detail : undefined;
}

function capped(text: string): string {
  return text.length > detailLimit ? `${text.slice(0, detailLimit - 1)}…` : text;
}

/**
 * A 409 keeps the flows' "expired" kind (start over); the admin console tells
 * it apart, e.g. a client id that is taken.
 */
export function isConflict(error: unknown): boolean {
  return error instanceof HydraError && error.status === 409;
}

export async function classifyHydraError(error: unknown): Promise<HydraError> {
  if (error instanceof HydraError) return error;
  if (error instanceof ResponseError) {
    const { status } = error.response;
    const body = await error.response.json().catch(() => null);
    return new HydraError(failureForStatus(status, body), errorDetail(body), status);
  }
  if (error instanceof FetchError || isAbort(error)) return new HydraError({ kind: "unavailable" });
  // A response we could not parse is Hydra misbehaving, not the user's problem.
  return new HydraError({ kind: "unavailable" });
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === "AbortError" || error.name === "TimeoutError");
}

/** The answer, or undefined when Hydra knows no such thing (404); every other failure stays thrown. */
export async function unlessNotFound<T>(pending: Promise<T>): Promise<T | undefined> {
  try {
    return await pending;
  } catch (error) {
    if (error instanceof HydraError && error.failure.kind === "not_found") return undefined;
    throw error;
  }
}
