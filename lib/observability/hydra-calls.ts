import { type Logger, log } from "./log";
import { metrics } from "./metrics";

/**
 * The SDK method behind an admin API path, as a metric label. The URL itself
 * carries the challenge, the subject or the client id, so it is never used:
 * an unknown path is "other", which keeps the label's values to this list.
 */
const operations: [method: string, path: RegExp, op: string][] = [
  ["GET", /^\/admin\/oauth2\/auth\/requests\/login$/, "getOAuth2LoginRequest"],
  ["PUT", /^\/admin\/oauth2\/auth\/requests\/login\/accept$/, "acceptOAuth2LoginRequest"],
  ["PUT", /^\/admin\/oauth2\/auth\/requests\/login\/reject$/, "rejectOAuth2LoginRequest"],
  ["GET", /^\/admin\/oauth2\/auth\/requests\/consent$/, "getOAuth2ConsentRequest"],
  ["PUT", /^\/admin\/oauth2\/auth\/requests\/consent\/accept$/, "acceptOAuth2ConsentRequest"],
  ["PUT", /^\/admin\/oauth2\/auth\/requests\/consent\/reject$/, "rejectOAuth2ConsentRequest"],
  ["GET", /^\/admin\/oauth2\/auth\/requests\/logout$/, "getOAuth2LogoutRequest"],
  ["PUT", /^\/admin\/oauth2\/auth\/requests\/logout\/accept$/, "acceptOAuth2LogoutRequest"],
  ["PUT", /^\/admin\/oauth2\/auth\/requests\/logout\/reject$/, "rejectOAuth2LogoutRequest"],
  ["GET", /^\/admin\/oauth2\/auth\/sessions\/consent$/, "listOAuth2ConsentSessions"],
  ["DELETE", /^\/admin\/oauth2\/auth\/sessions\/consent$/, "revokeOAuth2ConsentSessions"],
  ["DELETE", /^\/admin\/oauth2\/auth\/sessions\/login$/, "revokeOAuth2LoginSessions"],
  ["POST", /^\/admin\/oauth2\/introspect$/, "introspectOAuth2Token"],
  ["DELETE", /^\/admin\/oauth2\/tokens$/, "deleteOAuth2Token"],
  ["GET", /^\/admin\/clients$/, "listOAuth2Clients"],
  ["POST", /^\/admin\/clients$/, "createOAuth2Client"],
  ["GET", /^\/admin\/clients\/[^/]+$/, "getOAuth2Client"],
  ["PUT", /^\/admin\/clients\/[^/]+$/, "setOAuth2Client"],
  ["PATCH", /^\/admin\/clients\/[^/]+$/, "patchOAuth2Client"],
  ["DELETE", /^\/admin\/clients\/[^/]+$/, "deleteOAuth2Client"],
  ["PUT", /^\/admin\/clients\/[^/]+\/lifespans$/, "setOAuth2ClientLifespans"],
  ["GET", /^\/admin\/trust\/grants\/jwt-bearer\/issuers$/, "listTrustedOAuth2JwtGrantIssuers"],
  ["POST", /^\/admin\/trust\/grants\/jwt-bearer\/issuers$/, "trustOAuth2JwtGrantIssuer"],
  ["GET", /^\/admin\/trust\/grants\/jwt-bearer\/issuers\/[^/]+$/, "getTrustedOAuth2JwtGrantIssuer"],
  ["DELETE", /^\/admin\/trust\/grants\/jwt-bearer\/issuers\/[^/]+$/, "deleteTrustedOAuth2JwtGrantIssuer"],
  ["POST", /^\/oauth2\/token$/, "oauth2TokenExchange"],
  ["POST", /^\/oauth2\/revoke$/, "revokeOAuth2Token"],
];

export function hydraOperation(method: string, pathname: string): string {
  if (method === "GET" && pathname.endsWith("/health/ready")) return "isReady";
  // HYDRA_ADMIN_URL may carry a path prefix (a proxy in front of Hydra); the API path follows it.
  const at = pathname.search(/\/(admin|oauth2)\//);
  if (at < 0) return "other";
  const path = pathname.slice(at);
  return operations.find(([m, pattern]) => m === method && pattern.test(path))?.[2] ?? "other";
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
