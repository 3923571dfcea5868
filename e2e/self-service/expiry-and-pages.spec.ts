import { expect, test } from "../harness/fixtures";
import { expectNoAxeViolations } from "../ui/helpers";
import { linkIn, uniqueEmail } from "./helpers";

// Links last two seconds here, so expiry is seen without waiting an hour.
test.use({ stackOptions: { appEnv: { ALLOW_REGISTRATION: "on", EMAIL_LINK_TTL: "2" } } });

test.describe("self-service links and pages", () => {
  test("an expired reset link gets a clear page", async ({ page, stack }) => {
    test.setTimeout(90_000);
    const email = uniqueEmail("expiry");
    await stack.addUser({ email, password: "a known password 123" });
    await page.goto(`${stack.app.url}/forgot-password`);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send link" }).click();
    const link = linkIn(await stack.mail.waitFor(email), "/reset-password");
    await page.waitForTimeout(2500);
    const response = await page.goto(link);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  });

  for (const locale of ["en", "de", "fr", "es", "ar"]) {
    test(`the pages and the e-mail are in ${locale}, pass axe, and work without JavaScript`, async ({ browser, stack }) => {
      test.setTimeout(180_000);
      const context = await browser.newContext({ javaScriptEnabled: false, locale });
      const page = await context.newPage();
      await page.goto(stack.rp.startUrl());
      const challenge = new URL(page.url()).searchParams.get("login_challenge")!;
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
      for (const path of ["/register", "/forgot-password", "/verify"]) {
        await page.goto(`${stack.app.url}${path}?login_challenge=${encodeURIComponent(challenge)}`);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expectNoAxeViolations(page, `${path} ${locale}`);
      }
      const email = uniqueEmail(`lang-${locale}`);
      await page.goto(`${stack.app.url}/register?login_challenge=${encodeURIComponent(challenge)}`);
      await page.locator("#email").fill(email);
      await page.locator("#name").fill("Name");
      await page.locator("#password").fill("a sturdy passphrase 4 tests");
      await page.locator("form button[type=submit]").click();
      await expect(page.locator("#code")).toBeVisible();
      await expectNoAxeViolations(page, `check e-mail ${locale}`);
      const mail = await stack.mail.waitFor(email);
      expect(mail.html).toContain(`lang="${locale}"`);
      await page.goto(linkIn(mail, "/verify"));
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoAxeViolations(page, `verify link ${locale}`);
      await page.locator("form button[type=submit]").click();
      // Verified in the browser that signed up: the flow goes on to consent.
      await expect(page.locator("#accept")).toBeVisible();

      await page.goto(`${stack.app.url}/forgot-password`);
      await page.locator("#email").fill(email);
      await page.locator("form button[type=submit]").click();
      await expectNoAxeViolations(page, `reset sent ${locale}`);
      const reset = await stack.mail.waitFor(email, { since: mail.at + 1 });
      await page.goto(linkIn(reset, "/reset-password"));
      await expectNoAxeViolations(page, `reset form ${locale}`);
      await page.locator("#password").fill("a second sturdy passphrase");
      await page.locator("form button[type=submit]").click();
      await expect(page.getByRole("status")).toBeVisible();
      await expectNoAxeViolations(page, `reset done ${locale}`);
      const used = await page.goto(linkIn(reset, "/reset-password"));
      expect(used?.status()).toBe(410);
      await expectNoAxeViolations(page, `used link ${locale}`);
      await context.close();
    });
  }
});
