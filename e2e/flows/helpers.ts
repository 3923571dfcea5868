import type { Page } from "@playwright/test";
import { expect } from "../harness/fixtures";
import type { Stack } from "../harness/stack";

export async function signIn(page: Page, stack: Stack, options: { email?: string; password?: string; remember?: boolean } = {}) {
  await expect(page.locator("#email")).toBeVisible();
  await page.locator("#email").fill(options.email ?? stack.user.email);
  await page.locator("#password").fill(options.password ?? stack.user.password);
  if (options.remember) await page.locator("#remember").check();
  await page.locator("#accept").click();
}

export async function allowConsent(page: Page, options: { untick?: string[]; remember?: boolean } = {}) {
  await expect(page.locator("#accept")).toBeVisible();
  for (const scope of options.untick ?? []) await page.locator(`[id="${scope}"]`).uncheck();
  if (options.remember) await page.locator("#remember").check();
  await page.locator("#accept").click();
}

/** Waits until the browser is back at the relying party and returns what its callback saw. */
export async function callbackResult(page: Page, stack: Stack) {
  await page.waitForURL((url) => url.href.startsWith(stack.rp.redirectUri));
  await expect.poll(() => stack.rp.callbacks.length).toBeGreaterThan(0);
  return stack.rp.callbacks.at(-1)!;
}

/** Counts requests the browser makes to one of the app's pages. */
export function countVisits(page: Page, stack: Stack, path: string): () => number {
  let visits = 0;
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(stack.app.url).origin && url.pathname === path) visits += 1;
  });
  return () => visits;
}
