import fc from "fast-check";
import { expect, test } from "../harness/fixtures";

const stackTrace = /\bat \S+ \(|\bat async\b|Error: |node_modules|webpack-internal|\.tsx?:\d+/;
const routes = [
  "/",
  "/login",
  "/consent",
  "/logout",
  "/logged-out",
  "/error",
  "/login/submit",
  "/login/passkey",
  "/consent/submit",
  "/logout/submit",
  "/login/second-factor",
  "/login/second-factor/submit",
  "/login/recovery-code-used",
  "/account/passkeys/new",
  "/account/passkeys/rename",
  "/account/passkeys/remove",
  "/account/providers",
  "/account/providers/remove",
  "/account/password",
  "/account/password/set",
  "/login/upstream/start",
  "/login/upstream/callback",
  "/login/upstream/failed",
  "/login/upstream/abandon",
  "/login/upstream/link",
  "/login/upstream/link/submit",
  "/login/upstream/link/passkey",
  "/register",
  "/register/submit",
  "/verify",
  "/verify/submit",
  "/verify/resend",
  "/forgot-password",
  "/forgot-password/submit",
  "/reset-password",
  "/reset-password/submit",
  "/reset-password/continue",
];
const params = ["login_challenge", "consent_challenge", "logout_challenge", "error", "error_description", "challenge", "csrf", "action", "code", "credential", "name", "id", "remember", "provider", "state", "reason", "password", "token", "email", "locale", "sent", "lang", "subject", "next", "confirm", "done", "user"];
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("\u0000", "%00", "😀".repeat(50), "<script>alert(1)</script>", "a".repeat(9000), "../../etc/passwd", "%", "%zz"),
);

// The self-service routes are all served (password reset is on wherever SMTP_URL is, as in every stack).
test.use({ stackOptions: { appEnv: { ALLOW_REGISTRATION: "on" } } });

test.describe("bad input never breaks the app", () => {
  test("generated queries and form posts to every route answer without 5xx or stack traces", async ({ stack, request }) => {
    test.setTimeout(180_000);
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(fc.tuple(fc.constantFrom(...params), text), { maxLength: 4 }),
        fc.constantFrom("GET", "POST"),
        fc.constantFrom("application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json", "text/plain"),
        async (route, fields, method, contentType) => {
          cases += 1;
          const query = fields.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join("&");
          const url = `${stack.app.url}${route}${method === "GET" && query ? `?${query}` : ""}`;
          const response = await request.fetch(url, {
            method,
            headers: method === "POST" ? { "content-type": contentType, origin: stack.app.url } : {},
            data: method === "POST" ? query : undefined,
            maxRedirects: 0,
          });
          const body = await response.text();
          expect(response.status(), `${method} ${url}`).toBeLessThan(500);
          expect(body, `${method} ${url}`).not.toMatch(stackTrace);
        },
      ),
      { numRuns: 300, seed: 20261127 },
    );
    test.info().annotations.push({ type: "cases", description: String(cases) });
  });

  test("an oversized body answers 413 and a repeated field 400", async ({ stack, request }) => {
    const huge = await request.post(`${stack.app.url}/login/submit`, {
      headers: { "content-type": "application/x-www-form-urlencoded", origin: stack.app.url },
      data: `email=${"a".repeat(40_000)}`,
      maxRedirects: 0,
    });
    expect(huge.status()).toBe(413);
    const repeated = await request.get(`${stack.app.url}/consent?consent_challenge=a&consent_challenge=b`);
    expect(repeated.status()).toBe(400);
  });

  test("liveness and readiness answer no-store JSON", async ({ stack, request }) => {
    const alive = await request.get(`${stack.app.url}/health/alive`);
    expect(alive.status()).toBe(200);
    expect(alive.headers()["cache-control"]).toBe("no-store");
    const ready = await request.get(`${stack.app.url}/health/ready`);
    expect(await ready.json()).toEqual({ status: "ok", checks: { hydra: true, database: true } });
  });
});
