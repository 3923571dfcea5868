import { describe, expect, it } from "vitest";
import { hydraOperation, recordHydraCall } from "./hydra-calls";
import { capturedLog } from "./testing/captured-log";

describe("hydraOperation", () => {
  it.each([
    ["GET", "/admin/oauth2/auth/requests/login", "getOAuth2LoginRequest"],
    ["PUT", "/admin/oauth2/auth/requests/login/accept", "acceptOAuth2LoginRequest"],
    ["PUT", "/admin/oauth2/auth/requests/consent/reject", "rejectOAuth2ConsentRequest"],
    ["PUT", "/admin/oauth2/auth/requests/logout/accept", "acceptOAuth2LogoutRequest"],
    ["GET", "/admin/oauth2/auth/sessions/consent", "listOAuth2ConsentSessions"],
    ["GET", "/hydra/admin/oauth2/auth/requests/consent", "getOAuth2ConsentRequest"],
    ["GET", "/health/ready", "isReady"],
    ["DELETE", "/admin/oauth2/auth/sessions/consent", "revokeOAuth2ConsentSessions"],
    ["PATCH", "/admin/clients/some-client-id", "patchOAuth2Client"],
    ["PUT", "/prefix/admin/clients/a/lifespans", "setOAuth2ClientLifespans"],
    ["DELETE", "/admin/trust/grants/jwt-bearer/issuers/7f1c", "deleteTrustedOAuth2JwtGrantIssuer"],
    ["PUT", "/admin/clients/a/b", "other"],
    ["GET", "/admin/oauth2/auth/requests/login/someone@example.com", "other"],
    ["GET", "/anything/else", "other"],
  ])("%s %s is %s", (method, path, op) => {
    expect(hydraOperation(method, path)).toBe(op);
  });
});

describe("recordHydraCall", () => {
  const url = new URL("http://hydra:4445/admin/oauth2/auth/requests/login?login_challenge=SECRET-CHALLENGE");

  it("logs nothing for a call that worked", () => {
    const { logger, lines } = capturedLog("trace");
    recordHydraCall({ method: "GET", url, ms: 3, status: 200 }, logger);
    expect(lines).toEqual([]);
  });

  it("logs a refused call at info and a failed one at warn, with operation, status or kind, and duration, never the URL", () => {
    const { logger, lines, entries } = capturedLog();
    recordHydraCall({ method: "GET", url, ms: 2.345, status: 404 }, logger);
    recordHydraCall({ method: "GET", url, ms: 9, status: 502 }, logger);
    recordHydraCall({ method: "GET", url, ms: 5000, error: new DOMException("timed out", "TimeoutError") }, logger);
    recordHydraCall({ method: "GET", url, ms: 1, error: Object.assign(new Error(`connect ECONNREFUSED ${url}`), { code: "ECONNREFUSED" }) }, logger);
    expect(entries()).toMatchObject([
      { level: "info", msg: "hydra call failed", op: "getOAuth2LoginRequest", status: 404, ms: 2.35 },
      { level: "warn", op: "getOAuth2LoginRequest", status: 502 },
      { level: "warn", op: "getOAuth2LoginRequest", kind: "timeout", code: "TimeoutError", ms: 5000 },
      { level: "warn", op: "getOAuth2LoginRequest", kind: "network", code: "ECONNREFUSED" },
    ]);
    expect(lines.join("")).not.toContain("SECRET-CHALLENGE");
  });
});
