import { expect, test } from "../harness/fixtures";
import { expectNoAxeViolations } from "../ui/helpers";
import { linkIn, uniqueEmail } from "./helpers";

test.use({ stackOptions: { appEnv: { ALLOW_REGISTRATION: "on" } } });

test.describe("self-service pages", () => {
  for (const locale of ["en", "de", "fr", "es", "ar"]) {
    test(`the pages and the e-mail are in ${locale}, work without JavaScript, and pass axe`, async ({ browser, stack }) => {
      test.setTimeout(180_000);
      // The flow runs with JavaScript off; axe needs it, so a second browser checks each page it can reach by GET.
      const context = await browser.newContext({ javaScriptEnabled: false, locale });
      const page = await context.newPage();
      const axeContext = await browser.newContext({ locale });
      const axePage = await axeContext.newPage();
      const checkAxe = async (url: string, label: string) => {
        await axePage.goto(url);
        await expect(axePage.locator("html")).toHaveAttribute("lang", locale);
        await expect(axePage.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
        await expectNoAxeViolations(axePage, `${label} ${locale}`);
      };

      await page.goto(stack.rp.startUrl());
      const challenge = encodeURIComponent(new URL(page.url()).searchParams.get("login_challenge")!);
      for (const path of ["/register", "/forgot-password", "/verify"]) await checkAxe(`${stack.app.url}${path}?login_challenge=${challenge}`, path);

      const email = uniqueEmail(`lang-${locale}`);
      await page.goto(`${stack.app.url}/register?login_challenge=${challenge}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await page.locator("#email").fill(email);
      await page.locator("#name").fill("Name");
      await page.locator("#password").fill("a sturdy passphrase 4 tests");
      await page.locator("form button[type=submit]").click();
      await expect(page.locator("#code")).toBeVisible();
      const mail = await stack.mail.waitFor(email);
      expect(mail.html).toContain(`lang="${locale}"`);
      await checkAxe(linkIn(mail, "/verify"), "verify link");
      await page.goto(linkIn(mail, "/verify"));
      await page.locator("form button[type=submit]").click();
      // Verified in the browser that signed up: the flow goes on to consent.
      await expect(page.locator("#accept")).toBeVisible();

      await page.goto(`${stack.app.url}/forgot-password`);
      await page.locator("#email").fill(email);
      await page.locator("form button[type=submit]").click();
      const reset = await stack.mail.waitFor(email, { since: mail.at + 1 });
      await checkAxe(linkIn(reset, "/reset-password"), "reset form");
      await page.goto(linkIn(reset, "/reset-password"));
      await page.locator("#password").fill("a second sturdy passphrase");
      await page.locator("form button[type=submit]").click();
      await expect(page.getByRole("status")).toBeVisible();
      await checkAxe(linkIn(reset, "/reset-password"), "used link");
      await context.close();
      await axeContext.close();
    });
  }
});
