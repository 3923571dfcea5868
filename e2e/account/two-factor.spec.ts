import { randomBytes } from "node:crypto";
import { startApp } from "../harness/app";
import { freePorts } from "../harness/ports";
import type { Page } from "@playwright/test";
import { totpCode } from "@/lib/second-factor/totp";
import { signIn } from "../flows/helpers";
import { expect, test } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import { expectNoAxeViolations } from "../ui/helpers";
import { newPerson, openAccount } from "./helpers";
import { recoveryCodesShown, shownKey, submitCode, wrongCode } from "./two-factor-helpers";

async function expectNoScript(page: Page) {
  expect(await page.locator("script").count(), page.url()).toBe(0);
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("enrolling an authenticator app: a wrong code is refused, the right one shows ten recovery codes once, and no code confirms twice", async ({ page, stack }) => {
    test.setTimeout(120_000);
    const person = await newPerson(stack);
    await openAccount(page, stack, person);
    const section = page.getByRole("region", { name: "Two-step sign-in" });
    await expect(section).toContainText("No authenticator app is set up.");

    await section.getByRole("link", { name: "Set up an authenticator app" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up an authenticator app");
    await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
    await expectNoScript(page);
    const key = await shownKey(page);

    // A wrong code: 422, the same key and QR code again, and the form still works.
    const refused = await submitCode(page, wrongCode(key));
    expect(refused.status()).toBe(422);
    await expect(page.getByRole("alert")).toContainText("That code is not right.");
    await expect(page.getByLabel("Code shown by the app")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
    expect(await shownKey(page)).toBe(key);
    await expectNoScript(page);

    const code = totpCode(key, Date.now());
    const confirmed = await submitCode(page, code);
    expect(confirmed.status()).toBe(200);
    expect(confirmed.url()).not.toContain(code);
    await expect(page.getByText("Two-step sign-in is on.")).toBeVisible();
    const codes = await recoveryCodesShown(page);
    await expectNoScript(page);

    // The account page says so, and never shows the codes again.
    await openAccount(page, stack);
    await expect(section).toContainText("An authenticator app is set up. 10 recovery codes left.");
    const content = await page.content();
    for (const shown of codes) expect(content).not.toContain(shown);
    const cookies = JSON.stringify(await page.context().cookies());
    for (const shown of codes) expect(cookies).not.toContain(shown);

    // The same code posted again confirms nothing and makes no codes.
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    const again = await page.request.post(`${stack.app.url}/account/two-factor/submit`, { form: { csrf, code }, headers: { origin: stack.app.url }, maxRedirects: 0 });
    expect(again.status()).toBe(303);
    expect(again.headers().location).toBe(`${stack.app.url}/account/two-factor`);

    // Visiting the enrolment again leaves the app alone; replacing it is a post, and makes a new seed the old code does not confirm.
    await page.goto(`${stack.app.url}/account/two-factor`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your authenticator app is set up");
    await expectNoScript(page);
    await page.getByRole("button", { name: "Set up another app" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up an authenticator app");
    const newKey = await shownKey(page);
    expect(newKey).not.toBe(key);
    if (totpCode(newKey, Date.now()) !== code) expect((await submitCode(page, code)).status()).toBe(422);
    expect((await submitCode(page, totpCode(newKey, Date.now()))).status()).toBe(200);
    await recoveryCodesShown(page);
  });

  test("new recovery codes replace the old ones, and removing the app removes them too", async ({ page, stack }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack);
    await openAccount(page, stack, person);
    await page.goto(`${stack.app.url}/account/two-factor`);
    const first = await (async () => {
      await submitCode(page, totpCode(await shownKey(page), Date.now()));
      return recoveryCodesShown(page);
    })();

    await openAccount(page, stack);
    await page.getByRole("link", { name: "Make new recovery codes" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Make new recovery codes?");
    await expectNoScript(page);
    await page.getByRole("button", { name: "Make new recovery codes" }).click();
    await expect(page.getByText("Your new recovery codes are ready.")).toBeVisible();
    const second = await recoveryCodesShown(page);
    expect(second.filter((code) => first.includes(code))).toEqual([]);

    await openAccount(page, stack);
    await page.getByRole("link", { name: "Remove the authenticator app" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Remove the authenticator app?");
    await expectNoScript(page);
    await page.getByRole("button", { name: "Remove the authenticator app" }).click();
    await page.waitForURL((url) => url.pathname === "/account" && url.searchParams.get("done") === "two_factor_removed");
    await expect(page.getByRole("status")).toContainText("The authenticator app is removed");
    await expect(page.getByRole("region", { name: "Two-step sign-in" })).toContainText("No authenticator app is set up.");

    // With nothing set up, asking for new codes makes none.
    await page.goto(`${stack.app.url}/account/two-factor/recovery-codes`);
    await page.getByRole("button", { name: "Make new recovery codes" }).click();
    await page.waitForURL((url) => url.pathname === "/account/two-factor");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up an authenticator app");
  });
});

test("wrong codes are throttled like sign-ins of the account", async ({ page, stack }) => {
  const person = await newPerson(stack);
  await openAccount(page, stack, person);
  await page.goto(`${stack.app.url}/account/two-factor`);
  const key = await shownKey(page);
  const csrf = await page.locator('form[action="/account/two-factor/submit"] input[name="csrf"]').inputValue();
  const attempt = (code: string) =>
    page.request.post(`${stack.app.url}/account/two-factor/submit`, { form: { csrf, code }, headers: { origin: stack.app.url }, maxRedirects: 0 });
  for (let i = 0; i < 5; i++) expect((await attempt(wrongCode(key))).status()).toBe(422);
  const refused = await attempt(totpCode(key, Date.now()));
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.text()).toContain("Too many attempts");
});

async function pagesOfEnrolment(page: Page, stack: Stack, locale: string) {
  const check = (label: string) => expectNoAxeViolations(page, `${label} (${locale})`);
  await check("/account");
  const answer = await page.goto(`${stack.app.url}/account/two-factor`);
  // The QR code is inline markup: it needs no image source, and the page still allows no script.
  expect(answer?.headers()["content-security-policy"]).toContain("script-src 'none'");
  await expect(page.locator(".qr-code svg[role=img]")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
  await check("/account/two-factor");
  const key = await shownKey(page);
  await page.locator("#totp-code").fill(wrongCode(key));
  await page.locator('form[action="/account/two-factor/submit"] button[type="submit"]').click();
  await expect(page.getByRole("alert")).toBeVisible();
  await check("/account/two-factor refused");
  await page.locator("#totp-code").fill(totpCode(key, Date.now()));
  await page.locator('form[action="/account/two-factor/submit"] button[type="submit"]').click();
  await expect(page.locator(".recovery-codes li")).toHaveCount(10);
  await check("recovery codes");
  for (const path of ["/account/two-factor", "/account/two-factor/recovery-codes", "/account/two-factor/remove"]) {
    await page.goto(`${stack.app.url}${path}`);
    await check(path);
  }
}

test("the two-step sign-in pages have no WCAG 2.2 AA violations, in English and in Arabic", async ({ browser, stack }) => {
  test.setTimeout(120_000);
  for (const locale of ["en-US", "ar"]) {
    const person = await newPerson(stack);
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    // Signed in as openAccount does, without waiting for its English heading.
    await page.goto(`${stack.app.url}/account`);
    await signIn(page, stack, person);
    await page.waitForURL((url) => url.pathname === "/account");
    await expect(page.locator("html")).toHaveAttribute("lang", locale === "ar" ? "ar" : "en");
    await pagesOfEnrolment(page, stack, locale);
    await context.close();
  }
});

test("with TWO_STEP_SIGN_IN off, none of its pages exist", async ({ stack }) => {
  const [port] = await freePorts(1);
  const app = await startApp({
    port: port!,
    hydra: stack.hydra,
    databasePath: stack.databasePath,
    env: { TWO_STEP_SIGN_IN: "off", ACCOUNT_CLIENT_ID: `account-${randomBytes(4).toString("hex")}`, APP_URL: `http://localhost:${port}` },
  });
  try {
    for (const path of ["/account/two-factor", "/account/two-factor/remove", "/account/two-factor/recovery-codes"]) {
      expect((await fetch(`http://localhost:${port}${path}`, { redirect: "manual" })).status, path).toBe(404);
    }
    expect((await fetch(`http://localhost:${port}/account/two-factor/submit`, { method: "POST", redirect: "manual" })).status).toBe(404);
  } finally {
    await app.stop();
  }
});
