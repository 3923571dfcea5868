import type { Page, Response } from "@playwright/test";
import { expect, test } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";

export { allowConsent, callbackResult, countVisits, signIn } from "../flows/helpers";

export type Strategy = "opaque" | "jwt";

/**
 * The frame of every row file: one describe per access-token strategy, named after it, and a
 * fresh client for each test so that consents remembered by earlier tests never apply.
 */
export function describeRows(strategy: Strategy, rows: () => void) {
  test.describe(strategy, () => {
    // Several sign-ins per test on a shared 2-core machine.
    test.setTimeout(60_000);
    test.beforeEach(async ({ stack }) => {
      await useFreshClient(stack);
    });
    rows();
  });
}

/** One browser navigation to an app page: its status and whether it rendered or redirected. */
export interface PageVisit {
  status: number;
  url: string;
  redirected: boolean;
}

/**
 * Records the document responses of one app page (e.g. "/login"). A page that
 * accepts at once (skip) answers with a redirect; a page with a form answers 200.
 */
export function recordVisits(page: Page, stack: Stack, path: string): PageVisit[] {
  const visits: PageVisit[] = [];
  const appOrigin = new URL(stack.app.url).origin;
  page.on("response", (response: Response) => {
    const request = response.request();
    if (request.resourceType() !== "document" || request.method() !== "GET") return;
    const url = new URL(response.url());
    if (url.origin !== appOrigin || url.pathname !== path) return;
    const status = response.status();
    visits.push({ status, url: url.href, redirected: status >= 300 && status < 400 });
  });
  return visits;
}

/** Sign in (form) and allow consent (form), then return the successful callback's tokens. */
export async function fullFlow(
  page: Page,
  stack: Stack,
  options: {
    start?: Record<string, string | number | undefined>;
    email?: string;
    password?: string;
    rememberLogin?: boolean;
    rememberConsent?: boolean;
  } = {},
) {
  await page.goto(stack.rp.startUrl(options.start ?? {}));
  await signIn(page, stack, { email: options.email, password: options.password, remember: options.rememberLogin });
  await allowConsent(page, { remember: options.rememberConsent });
  const result = await callbackResult(page, stack);
  expect(result, JSON.stringify(result)).toMatchObject({ result: "success" });
  return stack.rp.lastTokens!;
}

/** Goes back to the RP (resets callbacks) and waits for the next callback. */
export async function nextCallback(page: Page, stack: Stack, start: Record<string, string | number | undefined> = {}) {
  stack.rp.reset();
  await page.goto(stack.rp.startUrl(start));
}

export function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split(".");
  const part = (value: string | undefined) => JSON.parse(Buffer.from(value ?? "", "base64url").toString("utf8"));
  return { header: part(header), payload: part(payload) };
}

/** A call to Hydra's admin API; JSON body parsed when there is one. */
export async function admin(stack: Stack, method: string, path: string, body?: unknown) {
  const response = await fetch(`${stack.hydra.adminUrl}${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: response.status, body: json as any };
}

/**
 * Starts an authorization in the browser but stops before the app's page:
 * Hydra's /oauth2/auth answer (its CSRF cookie lands in the browser context) is
 * read by the test instead of followed, so the test can answer the login or
 * consent challenge itself (what a different provider would do).
 */
export async function startHeld(page: Page, stack: Stack, params: Record<string, string | number | undefined> = {}) {
  const started = await fetch(stack.rp.startUrl(params), { redirect: "manual" });
  const authorizeUrl = started.headers.get("location")!;
  let location = "";
  const matcher = (url: URL) => url.href === authorizeUrl;
  await page.route(matcher, async (route) => {
    const response = await route.fetch({ maxRedirects: 0 });
    location = response.headers()["location"] ?? "";
    await route.fulfill({ status: 200, contentType: "text/plain", body: "held by the test" });
  });
  await page.goto(authorizeUrl);
  await page.unroute(matcher);
  const url = new URL(location, authorizeUrl);
  return { url, loginChallenge: url.searchParams.get("login_challenge") ?? "" };
}

/** Gives the test its own client, so consents remembered by earlier tests of the worker never apply. */
export async function useFreshClient(stack: Stack, options: Parameters<Stack["addClient"]>[0] = {}) {
  const client = await stack.addClient(options);
  stack.rp.useClient(client.client_id);
  return client;
}

/** The client /start uses by default. */
export function currentClientId(stack: Stack): string {
  return stack.rp.config().clientMetadata().client_id;
}

let extraUsers = 0;
/** Adds another account to the app's user store. */
export async function addUser(stack: Stack) {
  extraUsers += 1;
  const user = { email: `other-${process.pid}-${extraUsers}-${Date.now()}@example.com`, password: "other-password-1" };
  await stack.addUser({ ...user, name: "Other Person" });
  return user;
}

export const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
