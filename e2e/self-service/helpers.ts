import type { Page } from "@playwright/test";
import { expect } from "../harness/fixtures";
import type { CapturedMail } from "../harness/mail";

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
