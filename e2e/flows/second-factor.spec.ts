import type { Browser, Page } from "@playwright/test";
import { totpCode } from "@/lib/second-factor/totp";
import { type Person, newPerson, openAccount } from "../account/helpers";
import { enrolAuthenticator, wrongCode } from "../account/two-factor-helpers";
import { expect, test } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import { usersCli } from "../harness/users";
import { expectNoAxeViolations } from "../ui/helpers";
import { allowConsent, callbackResult, signIn } from "./helpers";

const secondStep = (page: Page) => page.waitForURL((url) => url.pathname === "/login/second-factor");

/** A person with an authenticator app set up on the account page (in a browser of its own): the app's key and recovery codes. */
async function personWithApp(browser: Browser, stack: Stack): Promise<Person & { key: string; codes: string[] }> {
  const person = await newPerson(stack);
  const context = await browser.newContext();
  const enrolled = await enrolAuthenticator(await context.newPage(), stack, person);
  await context.close();
  return { ...person, ...enrolled };
}

async function typeCode(page: Page, code: string) {
  await page.locator("#code").fill(code);
  await page.locator("#accept").click();
}

/**
 * The code of the step after now: one step of drift is allowed, and the step
 * now may be the one that confirmed the app a moment ago, which is spent.
 */
const nextCode = (key: string) => totpCode(key, Date.now() + 30_000);
const stepOf = (at: number) => Math.floor(at / 30_000);

async function tokensAfterConsent(page: Page, stack: Stack) {
  await allowConsent(page);
  const result = await callbackResult(page, stack);
  expect(result, JSON.stringify(result)).toMatchObject({ result: "success" });
  return stack.rp.lastTokens!.id_token_claims!;
}

test("the app's code follows the password: wrong, late and reused codes are refused, the right one reports acr 2 with otp", async ({ page, stack, browser }) => {
  test.setTimeout(120_000);
  const person = await personWithApp(browser, stack);
  stack.rp.reset();
  await page.goto(stack.rp.startUrl());
  await signIn(page, stack, person);
  await secondStep(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-step sign-in");
  // The password form is gone: only the code is asked for.
  await expect(page.locator("#password")).toHaveCount(0);

  await typeCode(page, wrongCode(person.key));
  await secondStep(page);
  await expect(page.getByRole("alert")).toContainText("That code is not right");
  await expect(page.locator("#code")).toHaveAttribute("aria-invalid", "true");

  // Two steps late is outside the one step of drift allowed.
  await typeCode(page, totpCode(person.key, Date.now() - 60_000));
  await expect(page.getByRole("alert")).toContainText("That code is not right");

  const now = Date.now();
  const code = nextCode(person.key);
  await typeCode(page, code);
  const claims = await tokensAfterConsent(page, stack);
  expect(claims).toMatchObject({ acr: "2", amr: ["pwd", "otp", "mfa"] });

  // The same code, in its own window, in another browser: refused.
  test.skip(stepOf(Date.now()) > stepOf(now) + 1, "the code's window passed while the flow ran");
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(stack.rp.startUrl());
  await signIn(second, stack, person);
  await secondStep(second);
  await typeCode(second, code);
  await secondStep(second);
  await expect(second.getByRole("alert")).toContainText("That code is not right");
  await other.close();
});

test("a recovery code works once, says how many are left, and reports acr 2 with pwd and mfa", async ({ page, stack, browser }) => {
  test.setTimeout(120_000);
  const person = await personWithApp(browser, stack);
  const [code] = person.codes;
  stack.rp.reset();
  await page.goto(stack.rp.startUrl());
  await signIn(page, stack, person);
  await secondStep(page);
  await typeCode(page, code!.toLowerCase());
  await page.waitForURL((url) => url.pathname === "/login/recovery-code-used");
  await expect(page.getByRole("status")).toHaveText("You have 9 recovery codes left.");
  await expectNoAxeViolations(page, "/login/recovery-code-used");
  await page.locator("#continue").click();
  expect(await tokensAfterConsent(page, stack)).toMatchObject({ acr: "2", amr: ["pwd", "mfa"] });

  const other = await browser.newContext();
  const again = await other.newPage();
  await again.goto(stack.rp.startUrl());
  await signIn(again, stack, person);
  await secondStep(again);
  await typeCode(again, code!);
  await secondStep(again);
  await expect(again.getByRole("alert")).toContainText("That code is not right");
  // The notice page is only for the browser that just used a code.
  expect((await again.goto(`${stack.app.url}/login/recovery-code-used`))?.status()).toBe(404);
  await other.close();
});

test("wrong codes count against the account's sign-in limit: the sixth attempt answers 429", async ({ page, stack, browser }) => {
  const person = await personWithApp(browser, stack);
  await page.goto(stack.rp.startUrl());
  await signIn(page, stack, person);
  await secondStep(page);
  const challenge = new URL(page.url()).searchParams.get("login_challenge")!;
  const csrf = await page.locator('input[name="csrf"]').inputValue();
  const attempt = (code: string) =>
    page.request.post(`${stack.app.url}/login/second-factor/submit`, {
      form: { challenge, csrf, action: "accept", code },
      headers: { origin: stack.app.url },
      maxRedirects: 0,
    });
  for (let i = 0; i < 5; i++) expect((await attempt(wrongCode(person.key))).status()).toBe(303);
  const refused = await attempt(totpCode(person.key, Date.now()));
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
});

test.describe("step-up", () => {
  test("a remembered one-factor login asked for acr 2 asks for the code only, and later remembered logins report what was proved", async ({ page, stack }) => {
    test.setTimeout(120_000);
    const person = await newPerson(stack);
    // Remembered at acr 1 (no app yet), then the app is set up in the same browser.
    await openAccount(page, stack, person, { remember: true });
    const { key } = await enrolAuthenticator(page, stack);

    stack.rp.reset();
    await page.goto(stack.rp.startUrl({ acr_values: "2" }));
    await secondStep(page);
    await expect(page.locator("#password")).toHaveCount(0);
    await typeCode(page, nextCode(key));
    expect(await tokensAfterConsent(page, stack)).toMatchObject({ acr: "2", amr: ["pwd", "otp", "mfa"] });

    // Skipped logins of the same session now report acr 2 and no page is shown.
    stack.rp.reset();
    await page.goto(stack.rp.startUrl());
    await page.waitForURL((url) => url.pathname === "/consent");
    expect(await tokensAfterConsent(page, stack)).toMatchObject({ acr: "2", amr: ["pwd", "otp", "mfa"] });
  });

  test("without a second factor, acr 2 shows the page that links to the set-up, and the relying party gets unmet_authentication_requirements", async ({ page, stack }) => {
    const person = await newPerson(stack);
    stack.rp.reset();
    await page.goto(stack.rp.startUrl({ acr_values: "2" }));
    await signIn(page, stack, person);
    await secondStep(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("A second step is needed");
    await expect(page.getByRole("link", { name: "Set up an authenticator app on your account page" })).toHaveAttribute("href", `${stack.app.url}/account/two-factor`);
    await expectNoAxeViolations(page, "/login/second-factor (needed)");
    await page.locator("#unmet").click();
    const result = await callbackResult(page, stack);
    expect(result).toMatchObject({ result: "error", error: "unmet_authentication_requirements" });
  });

  test("a client whose metadata sets minimum_acr 2 is treated as asking for it", async ({ page, stack }) => {
    const strict = await stack.addClient({ metadata: { minimum_acr: "2" } });
    const person = await newPerson(stack);
    await page.goto(stack.rp.startUrl({ client_id: strict.client_id! }));
    await signIn(page, stack, person);
    await secondStep(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("A second step is needed");
  });

  test("prompt=none with acr_values 2 and a one-factor session ends in login_required without a page", async ({ page, stack }) => {
    const person = await newPerson(stack);
    await page.goto(stack.rp.startUrl());
    await signIn(page, stack, { ...person, remember: true });
    await tokensAfterConsent(page, stack);

    stack.rp.reset();
    const pages: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin === stack.app.url && request.resourceType() === "document") pages.push(url.pathname);
    });
    await page.goto(stack.rp.startUrl({ prompt: "none", acr_values: "2" }));
    expect(await callbackResult(page, stack)).toMatchObject({ result: "error", error: "login_required" });
    expect(pages).toEqual(["/login"]);
  });
});

test("the second step works by keyboard alone and has no WCAG 2.2 AA violations, in English and in Arabic", async ({ browser, stack }) => {
  test.setTimeout(120_000);
  const person = await personWithApp(browser, stack);
  for (const locale of ["en", "ar"]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    stack.rp.reset();
    await page.goto(stack.rp.startUrl({ ui_locales: locale }));
    await signIn(page, stack, person);
    await secondStep(page);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
    await expectNoAxeViolations(page, `/login/second-factor (${locale})`);
    // The code field has the focus; typing and Enter continue. The app's code in English, a recovery code in Arabic.
    await expect(page.locator("#code")).toBeFocused();
    await page.keyboard.type(locale === "ar" ? person.codes[0]! : nextCode(person.key));
    await page.keyboard.press("Enter");
    if (locale === "ar") {
      await page.waitForURL((url) => url.pathname === "/login/recovery-code-used");
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      await expectNoAxeViolations(page, "/login/recovery-code-used (ar)");
    } else {
      await page.waitForURL((url) => url.pathname === "/consent");
    }
    await context.close();
  }
});

test("the users CLI lists an account's factors and resets them, after which the password alone signs in", async ({ page, stack, browser }) => {
  const person = await personWithApp(browser, stack);
  const cli = (...args: string[]) => usersCli(["scripts/users.ts", ...args], stack.databasePath, { DATABASE_URL: stack.databaseUrl });
  const listed = await cli("factors", person.email);
  expect(listed).toContain("authenticator app\tset up");
  expect(listed).toContain("recovery codes left\t10");
  expect(listed).not.toContain(person.key);
  expect(await cli("reset-factors", person.email)).toContain("removed the second factors and passkeys");
  expect(await cli("factors", person.email)).toContain("authenticator app\tnone");

  stack.rp.reset();
  await page.goto(stack.rp.startUrl());
  await signIn(page, stack, person);
  expect(await tokensAfterConsent(page, stack)).toMatchObject({ acr: "1", amr: ["pwd"] });
});
