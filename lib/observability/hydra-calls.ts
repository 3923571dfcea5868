import { type Logger, log } from "./log";
import { metrics } from "./metrics";

/**
 * The SDK method behind an admin API path, as a metric label. The URL itself
 * carries the challenge or the subject, so it is never used: an unknown path
 * is "other", which keeps the label's values to this list.
 */
const operations = new Map<string, string>([
  ["GET /admin/oauth2/auth/requests/login", "getOAuth2LoginRequest"],
  ["PUT /admin/oauth2/auth/requests/login/accept", "acceptOAuth2LoginRequest"],
  ["PUT /admin/oauth2/auth/requests/login/reject", "rejectOAuth2LoginRequest"],
  ["GET /admin/oauth2/auth/requests/consent", "getOAuth2ConsentRequest"],
  ["PUT /admin/oauth2/auth/requests/consent/accept", "acceptOAuth2ConsentRequest"],
  ["PUT /admin/oauth2/auth/requests/consent/reject", "rejectOAuth2ConsentRequest"],
  ["GET /admin/oauth2/auth/requests/logout", "getOAuth2LogoutRequest"],
  ["PUT /admin/oauth2/auth/requests/logout/accept", "acceptOAuth2LogoutRequest"],
  ["PUT /admin/oauth2/auth/requests/logout/reject", "rejectOAuth2LogoutRequest"],
  ["GET /admin/oauth2/auth/sessions/consent", "listOAuth2ConsentSessions"],
]);

export function hydraOperation(method: string, pathname: string): string {
  // HYDRA_ADMIN_URL may carry a path prefix (a proxy in front of Hydra); the API path follows it.
  const at = pathname.indexOf("/admin/oauth2/");
  if (at >= 0) return operations.get(`${method} ${pathname.slice(at)}`) ?? "other";
  return method === "GET" && pathname.endsWith("/health/ready") ? "isReady" : "other";
}

export type HydraCall = { method: string; url: URL; ms: number; status?: number; error?: unknown };

/**
 * Every call to Hydra is timed; a failed one is also logged with its
 * operation, status or kind and duration (4xx at info: a stale or unknown
 * challenge is the browser's doing; 5xx, timeouts and network errors at warn).
 */
export function recordHydraCall(call: HydraCall, logger: Logger = log()): void {
  const op = hydraOperation(call.method, call.url.pathname);
  const outcome = callOutcome(call);
  metrics().hydraCalls.observe({ op, outcome }, call.ms / 1000);
  if (outcome === "ok") return;
  const ms = Math.round(call.ms * 100) / 100;
  if (call.status !== undefined) {
    logger[outcome === "4xx" ? "info" : "warn"]({ op, status: call.status, ms }, "hydra call failed");
  } else {
    logger.warn({ op, kind: outcome, code: errorCode(call.error), ms }, "hydra call failed");
  }
}

function callOutcome(call: HydraCall): "ok" | "4xx" | "5xx" | "timeout" | "network" {
  if (call.status === undefined) return isTimeout(call.error) ? "timeout" : "network";
  if (call.status < 400) return "ok";
  return call.status < 500 ? "4xx" : "5xx";
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

/** A system or undici error code (ECONNREFUSED, UND_ERR_SOCKET); never the message, which may quote the URL. */
function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof code === "string" && /^[A-Z0-9_]{1,40}$/.test(code)) return code;
  return error instanceof Error ? error.name : undefined;
}
