import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { type IncomingMessage, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";
import { type AppProcess, startApp } from "../harness/app";
import { createRpClient } from "../harness/clients";
import { type Hydra, startHydra } from "../harness/hydra";
import { freePort } from "../harness/ports";
import { sleep } from "../harness/process";
import { type RelyingParty, startRp } from "../harness/rp";
import type { Stack } from "../harness/stack";
import { defaultUser, seedUser } from "../harness/users";

// One app of its own, since the last test stops it; the tests run in order on it.
test.describe.configure({ mode: "serial" });

let dataDir: string;
let hydra: Hydra;
let rp: RelyingParty;
let app: AppProcess;
let metricsPort: number;
/** What the flow helpers need of a stack. */
let flow: Stack;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = await mkdtemp(join(tmpdir(), "hydra-provider-ops-"));
  const [port, metrics] = [await freePort(), await freePort()];
  metricsPort = metrics;
  hydra = await startHydra({ appUrl: `http://localhost:${port}` });
  rp = await startRp({ issuer: hydra.issuer, adminUrl: hydra.adminUrl });
  await rp.addClient(await createRpClient(hydra.adminUrl, rp.url));
  const databasePath = join(dataDir, "app.sqlite");
  await seedUser({ databasePath, ...defaultUser });
  app = await startApp({ port, hydra, databasePath, env: { METRICS_PORT: String(metricsPort), LOG_LEVEL: "info" } });
  flow = { rp, user: defaultUser, app } as unknown as Stack;
});

test.afterAll(async () => {
  for (const stop of [() => app?.stop(), () => rp?.stop(), () => hydra?.stop()]) await stop().catch(() => undefined);
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The app's JSON log lines (Next's own start-up lines are plain text). */
function appLog(): Record<string, unknown>[] {
  return readFileSync(app.logFile, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("a sign-in is logged as JSON under the caller's request id, Hydra logs the same id, and the metrics port counts it", async ({ page }) => {
  const requestId = `e2e-${randomUUID()}`;
  // Only the form post to the app carries the id: if Hydra logs it, the app passed it on.
  await page.route(`${app.url}/login/submit`, (route) => route.continue({ headers: { ...route.request().headers(), "x-request-id": requestId } }));
  await page.goto(rp.startUrl());
  const challenge = new URL(page.url()).searchParams.get("login_challenge") ?? "";
  expect(challenge).not.toBe("");
  const [submitted] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/login/submit")), signIn(page, flow)]);
  expect(submitted.status()).toBe(303);
  expect(submitted.headers()["x-request-id"]).toBe(requestId);
  await allowConsent(page);
  expect((await callbackResult(page, flow)).result).toBe("success");

  await expect.poll(() => appLog().filter((line) => line.requestId === requestId)).toContainEqual(
    expect.objectContaining({ level: "info", msg: "step answered", step: "login_submit", outcome: "redirect", status: 303, challengeHash: expect.any(String) }),
  );
  const steps = appLog().filter((line) => line.msg === "step answered");
  expect(steps.map((line) => line.step)).toEqual(expect.arrayContaining(["login_page", "login_submit", "consent_page", "consent_submit"]));
  for (const line of steps) expect(line.requestId).toEqual(expect.any(String));
  const written = readFileSync(app.logFile, "utf8");
  for (const secret of [challenge, defaultUser.password, defaultUser.email]) expect(written).not.toContain(secret);

  // Hydra logs request headers: the login lookup and the accept made for the post.
  await expect.poll(() => readFileSync(hydra.logFile, "utf8").split(requestId).length - 1).toBeGreaterThanOrEqual(2);

  const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
  expect(metrics.status).toBe(200);
  const text = await metrics.text();
  expect(text).toMatch(/^provider_flow_steps_completed_total\{step="login_submit",outcome="redirect"\} 1$/m);
  expect(text).toMatch(/^provider_flow_steps_completed_total\{step="consent_submit",outcome="redirect"\} 1$/m);
  expect(text).toMatch(/^provider_hydra_call_duration_seconds_count\{op="acceptOAuth2LoginRequest",outcome="ok"\} 1$/m);
  expect(text).toMatch(/^provider_sign_in_failures_total 0$/m);
  expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  expect(text).not.toContain(challenge);
  expect((await fetch(`http://127.0.0.1:${metricsPort}/`)).status).toBe(404);
});

/** A form post that sends its headers and half its body now, and the rest when asked: in flight until then. */
function postInTwoParts(url: string, headers: Record<string, string>, body: string) {
  const half = Math.floor(body.length / 2);
  const request = httpRequest(url, {
    method: "POST",
    agent: false,
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(body)) },
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    request.once("response", resolve);
    request.once("error", reject);
  });
  request.write(body.slice(0, half));
  return {
    async finish(): Promise<IncomingMessage> {
      request.end(body.slice(half));
      const response = await answered;
      response.resume();
      await new Promise((resolve) => response.once("end", resolve));
      return response;
    },
  };
}

test("on SIGTERM the requests in flight get their usual answer, new connections are refused, and the process exits 0", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(rp.startUrl());
  await expect(page.locator("#email")).toBeVisible();
  const form = {
    challenge: await page.locator('input[name="challenge"]').inputValue(),
    csrf: await page.locator('input[name="csrf"]').inputValue(),
    action: "accept",
    email: defaultUser.email,
    password: "not-the-password",
  };
  const cookie = (await page.context().cookies(app.url)).map((c) => `${c.name}=${c.value}`).join("; ");
  const body = new URLSearchParams(form).toString();
  const posts = [1, 2, 3].map(() => postInTwoParts(`${app.url}/login/submit`, { cookie, origin: app.url }, body));
  // Long enough for the app to have read their headers: from then on they are requests in flight, not idle sockets.
  await sleep(500);

  app.signal("SIGTERM");
  await expect
    .poll(async () => fetch(`${app.url}/health/alive`, { signal: AbortSignal.timeout(1000) }).then((r) => `status ${r.status}`, (e: Error) => (e.cause as { code?: string })?.code ?? e.message))
    .toBe("ECONNREFUSED");

  const answers = await Promise.all(posts.map((post) => post.finish()));
  for (const answer of answers) {
    // A wrong password: back to the form, as on any other day; and the socket is not kept for another request.
    expect(answer.statusCode).toBe(303);
    expect(answer.headers.location).toContain("error=invalid_credentials");
    expect(answer.headers.connection).toBe("close");
  }
  const code = await Promise.race([app.exited, sleep(8_000).then(() => "still running after 8 s")]);
  expect(code).toBe(0);
  expect(appLog()).toContainEqual(expect.objectContaining({ msg: "shut down", reason: "drained" }));
});
