import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";
import { expect } from "../harness/fixtures";
import type { Stack } from "../harness/stack";

export type Person = { email: string; password: string };

/** A new account for one test, so tests sharing a stack never share consents or sessions. */
export async function newPerson(stack: Stack, name = "Account Tester"): Promise<Person> {
  const person = { email: `account-${randomBytes(5).toString("hex")}@example.com`, password: `pw-${randomBytes(8).toString("hex")}` };
  await stack.addUser({ ...person, name });
  return person;
}

/** Opens /account; signs in at Hydra's login page when it asks. Ends on the account page. */
export async function openAccount(page: Page, stack: Stack, person?: Person, options: { remember?: boolean } = {}) {
  await page.goto(`${stack.app.url}/account`);
  if (person && new URL(page.url()).pathname === "/login") await signIn(page, stack, { ...person, remember: options.remember });
  await page.waitForURL((url) => url.pathname === "/account");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
}

/** Connects a relying party's client to the account: sign-in (remembered, when the form shows) and consent (when asked). Returns its tokens. */
export async function connectApp(page: Page, stack: Stack, person: Person, clientId: string, options: { rememberConsent?: boolean } = {}) {
  stack.rp.reset();
  await page.goto(stack.rp.startUrl({ client_id: clientId, scope: "openid offline_access email profile" }));
  await page.waitForURL((url) => url.pathname === "/login" || url.pathname === "/consent");
  if (new URL(page.url()).pathname === "/login") await signIn(page, stack, { ...person, remember: true });
  // A consent this person remembered for the client (in any browser) skips the consent page.
  await page.waitForURL((url) => url.pathname === "/consent" || url.href.startsWith(stack.rp.redirectUri));
  if (new URL(page.url()).pathname === "/consent") await allowConsent(page, { remember: options.rememberConsent ?? true });
  const result = await callbackResult(page, stack);
  if (result.result !== "success") throw new Error(`the flow failed: ${result.error}`);
  return result;
}
