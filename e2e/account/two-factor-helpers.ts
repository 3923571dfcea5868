import type { Page, Response } from "@playwright/test";
import { totpCode } from "@/lib/second-factor/totp";
import { expect } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import { type Person, openAccount } from "./helpers";

export const codePattern = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

/** The key shown for typing by hand, without its spaces. */
export async function shownKey(page: Page): Promise<string> {
  const grouped = (await page.locator("#totp-key").textContent()) ?? "";
  expect(grouped).toMatch(/^([A-Z2-7]{4} )*[A-Z2-7]{1,4}$/);
  return grouped.replace(/ /g, "");
}

/** A six-digit code no authenticator app with this key shows within a step either way of now. */
export function wrongCode(key: string): string {
  const now = Date.now();
  const valid = new Set([-60_000, -30_000, 0, 30_000, 60_000].map((drift) => totpCode(key, now + drift)));
  for (let n = 0; ; n += 1) {
    const candidate = String(n * 7919).padStart(6, "0").slice(-6);
    if (!valid.has(candidate)) return candidate;
  }
}

/** Types a code and turns the app on; the answer to the post. */
export async function submitCode(page: Page, code: string): Promise<Response> {
  await page.getByLabel("Code shown by the app").fill(code);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/account/two-factor/submit") && r.request().method() === "POST"),
    page.getByRole("button", { name: "Turn on two-step sign-in" }).click(),
  ]);
  await page.waitForLoadState();
  return response;
}

export async function recoveryCodesShown(page: Page): Promise<string[]> {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Save your recovery codes");
  const codes = (await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allTextContents()).map((code) => code.trim());
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(codePattern);
  expect(new Set(codes).size).toBe(10);
  return codes;
}

/** Sets up an authenticator app for the signed-in (or signing-in) person on the account page: its key and the ten recovery codes. */
export async function enrolAuthenticator(page: Page, stack: Stack, person?: Person): Promise<{ key: string; codes: string[] }> {
  await openAccount(page, stack, person);
  await page.goto(`${stack.app.url}/account/two-factor`);
  const key = await shownKey(page);
  expect((await submitCode(page, totpCode(key, Date.now()))).status()).toBe(200);
  return { key, codes: await recoveryCodesShown(page) };
}
