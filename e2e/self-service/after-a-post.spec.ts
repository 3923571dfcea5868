import type { Page } from "@playwright/test";
import { expect, test } from "../harness/fixtures";
import { expectNoAxeViolations } from "../ui/helpers";
import { codeIn, fillRegistration, linkIn, messageText, strongPassword, switchLanguage, uniqueEmail } from "./helpers";

test.use({ stackOptions: { appEnv: { ALLOW_REGISTRATION: "on" } } });

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

test.describe("pages shown in answer to a self-service post", () => {
  test("sign-up and code: each answer passes axe, its language links show a page a GET can show, and the language carries on", async ({ page, stack }) => {
    test.setTimeout(90_000);
    const email = uniqueEmail("post-signup");
    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    const challenge = new URL(page.url()).searchParams.get("login_challenge");
    await page.getByRole("link", { name: "Create an account" }).click();

    // A refused sign-up (422): its links lead back to the form, in the same flow.
    await fillRegistration(page, email, { password: "qwerty123456" });
    await expect(page.getByRole("alert")).toBeVisible();
    await expectNoAxeViolations(page, "sign-up refused");
    expect(await switchLanguage(page, "de")).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/register");
    expect(new URL(page.url()).searchParams.get("login_challenge")).toBe(challenge);
    await expect(heading(page)).toHaveText(messageText("de", "selfService.register.title"));

    // "Check your e-mail" after the sign-up: its links lead to the code form of the same flow.
    await page.locator("#email").fill(email);
    await page.locator("#name").fill("Ada Lovelace");
    await page.locator("#password").fill(strongPassword);
    await page.locator('form[action="/register/submit"] button').click();
    await expect(heading(page)).toHaveText(messageText("de", "selfService.checkEmail.title"));
    await expectNoAxeViolations(page, "check your e-mail (de)");
    expect((await stack.mail.waitFor(email)).html).toContain('lang="de"');
    expect(await switchLanguage(page, "fr")).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/verify");
    expect(new URL(page.url()).searchParams.get("login_challenge")).toBe(challenge);
    await expect(heading(page)).toHaveText(messageText("fr", "selfService.checkEmail.title"));

    // A wrong code (422).
    await page.locator("#code").fill("WRONG234");
    await page.locator('form[action="/verify/submit"] button').click();
    await expect(page.getByRole("alert")).toHaveText(messageText("fr", "selfService.checkEmail.wrongCode"));
    await expectNoAxeViolations(page, "wrong code (fr)");
    expect(await switchLanguage(page, "es")).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/verify");
    await expect(heading(page)).toHaveText(messageText("es", "selfService.checkEmail.title"));

    // The right code: the flow goes on in the language chosen last.
    await page.locator("#code").fill(codeIn(await stack.mail.waitFor(email)));
    await page.locator('form[action="/verify/submit"] button').click();
    await expect(heading(page)).toHaveText(messageText("es", "consent.title"));
  });

  test("password reset: each answer passes axe; the ones a GET can show switch language, the one-time results have no language links", async ({ page, context, stack }) => {
    test.setTimeout(90_000);
    const email = uniqueEmail("post-reset");
    await stack.addUser({ email, password: "the old password 123" });
    await page.goto(`${stack.app.url}/forgot-password`);
    // The form's own links, a GET page, go there and back.
    expect(await switchLanguage(page, "es")).toBe(200);
    await expect(heading(page)).toHaveText(messageText("es", "selfService.forgot.title"));
    expect(await switchLanguage(page, "en")).toBe(200);

    // A refused address (422): back to the form.
    await page.getByLabel("Email address").fill("someone@nodot");
    await page.getByRole("button", { name: "Send link" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await expectNoAxeViolations(page, "reset request refused");
    expect(await switchLanguage(page, "ar")).toBe(200);
    expect(new URL(page.url()).pathname).toBe("/forgot-password");
    await expect(heading(page)).toHaveText(messageText("ar", "selfService.forgot.title"));

    // "Check your e-mail" after the request: the same page, in another language.
    await page.locator("#email").fill(email);
    await page.locator('form[action="/forgot-password/submit"] button').click();
    await expect(page.locator("main")).toContainText(messageText("ar", "selfService.checkEmail.reset"));
    await expectNoAxeViolations(page, "reset link sent (ar)");
    expect(await switchLanguage(page, "de")).toBe(200);
    await expect(heading(page)).toHaveText(messageText("de", "selfService.checkEmail.title"));
    await expect(page.locator("main")).toContainText(messageText("de", "selfService.checkEmail.reset"));
    const link = linkIn(await stack.mail.waitFor(email), "/reset-password");

    // A refused new password (422): back to the link's form.
    await page.goto(link);
    const other = await context.newPage();
    await other.goto(link);
    await page.locator("#password").evaluate((input) => input.removeAttribute("minlength"));
    await page.locator("#password").fill("short");
    await page.locator('form[action="/reset-password/submit"] button').click();
    await expect(page.getByRole("alert")).toBeVisible();
    await expectNoAxeViolations(page, "new password refused");
    expect(await switchLanguage(page, "en")).toBe(200);
    await expect(heading(page)).toHaveText("Choose a new password");

    // Done: a one-time result, with no language links.
    await page.getByLabel("New password", { exact: true }).fill(strongPassword);
    await page.getByRole("button", { name: "Save password" }).click();
    await expect(page.getByRole("status")).toBeVisible();
    await expectNoAxeViolations(page, "password changed");
    await expect(page.locator(".languages")).toHaveCount(0);

    // The same link posted again from the other tab (still in the e-mail's Arabic): the link's own page, which a GET shows too (410 by design).
    await other.locator("#password").fill(strongPassword);
    await other.locator('form[action="/reset-password/submit"] button').click();
    await expect(heading(other)).toHaveText(messageText("ar", "selfService.link.usedTitle"));
    await expectNoAxeViolations(other, "reset link used");
    expect(await switchLanguage(other, "fr")).toBe(410);
    await expect(heading(other)).toHaveText(messageText("fr", "selfService.link.usedTitle"));
  });

  test("an address confirmed by a link in another browser: the result passes axe and has no language links", async ({ browser, page, stack }) => {
    const email = uniqueEmail("post-verified");
    await page.goto(`${stack.app.url}/register`);
    await fillRegistration(page, email);
    const link = linkIn(await stack.mail.waitFor(email), "/verify");
    const elsewhere = await browser.newContext();
    const phone = await elsewhere.newPage();
    await phone.goto(link);
    const again = await elsewhere.newPage();
    await again.goto(link);
    await phone.getByRole("button", { name: "Confirm e-mail address" }).click();
    await expect(heading(phone)).toHaveText("E-mail address confirmed");
    await expectNoAxeViolations(phone, "address confirmed");
    await expect(phone.locator(".languages")).toHaveCount(0);

    // The link's button pressed again in another tab: the link's own page, as a GET of the link shows it.
    await again.getByRole("button", { name: "Confirm e-mail address" }).click();
    await expect(heading(again)).toHaveText(messageText("en", "selfService.link.usedTitle"));
    await expectNoAxeViolations(again, "verification link used");
    expect(await switchLanguage(again, "de")).toBe(410);
    await expect(heading(again)).toHaveText(messageText("de", "selfService.link.usedTitle"));
    await elsewhere.close();
  });
});
