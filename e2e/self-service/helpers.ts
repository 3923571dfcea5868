import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page, Response } from "@playwright/test";
import { expect } from "../harness/fixtures";
import type { CapturedMail } from "../harness/mail";
import { repoRoot } from "../harness/process";

let counter = 0;
/** A fresh address per test, so the per-address mail limit never meets another test's. */
export const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${(counter += 1)}@example.test`;

export const strongPassword = "a sturdy passphrase 4 tests";

/** The link and (for verification) the code an e-mail carries. */
export function linkIn(mail: CapturedMail, path: "/verify" | "/reset-password"): string {
  const match = mail.text.match(new RegExp(`https?://\\S+${path}\\?token=[A-Za-z0-9_-]+&lang=\\w+`));
  if (!match) throw new Error(`no ${path} link in: ${mail.text}`);
  return match[0];
}

export function codeIn(mail: CapturedMail): string {
  const match = mail.text.match(/^([2-9A-HJKMNP-Z]{8})$/m);
  if (!match?.[1]) throw new Error(`no code in: ${mail.text}`);
  return match[1];
}

export async function fillRegistration(page: Page, email: string, options: { name?: string; password?: string } = {}) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Name", { exact: true }).fill(options.name ?? "Ada Lovelace");
  await page.getByLabel("Password", { exact: true }).fill(options.password ?? strongPassword);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function expectCheckEmail(page: Page) {
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
}

const messageFiles = new Map<string, unknown>();

/** A message as the app writes it in `locale` (plain text only, no ICU arguments). */
export function messageText(locale: string, key: string): string {
  if (!messageFiles.has(locale)) messageFiles.set(locale, JSON.parse(readFileSync(join(repoRoot, "messages", `${locale}.json`), "utf8")));
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messageFiles.get(locale));
  if (typeof value !== "string") throw new Error(`no message ${key} in ${locale}`);
  return value;
}

/**
 * Follows the page's language link for `locale` and returns the status of the
 * page it lands on; every hop on the way (/lang's 303 included) must be below 400
 * unless it is that page's own status.
 */
export async function switchLanguage(page: Page, locale: string): Promise<number> {
  const statuses: number[] = [];
  const seen = (response: Response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) statuses.push(response.status());
  };
  page.on("response", seen);
  await page.locator(`.languages a[hreflang="${locale}"]`).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
  page.off("response", seen);
  expect(statuses.slice(0, -1).every((status) => status < 400), `statuses ${statuses.join(", ")}`).toBe(true);
  return statuses.at(-1) ?? 0;
}
