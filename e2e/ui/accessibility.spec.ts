import { expect, test } from "../harness/fixtures";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";
import { expectNoAxeViolations } from "./helpers";

const variants = [
  { name: "light", colorScheme: "light", locale: "en-US", dir: "ltr" },
  { name: "dark", colorScheme: "dark", locale: "en-US", dir: "ltr" },
  { name: "Arabic (right-to-left)", colorScheme: "light", locale: "ar", dir: "rtl" },
  { name: "Arabic, dark", colorScheme: "dark", locale: "ar", dir: "rtl" },
] as const;

for (const variant of variants) {
  test(`every page has no WCAG 2.2 AA violations: ${variant.name}`, async ({ browser, stack }) => {
    test.setTimeout(90_000);
    // The browser's Accept-Language picks the language; prefers-color-scheme picks the theme.
    const context = await browser.newContext({ colorScheme: variant.colorScheme, locale: variant.locale });
    const page = await context.newPage();
    const client = await stack.addClient();

    await page.goto(stack.rp.startUrl({ client_id: client.client_id, scope: "openid email profile" }));
    await expect(page.locator("#email")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("dir", variant.dir);
    await expectNoAxeViolations(page, "login");

    await signIn(page, stack, { password: "wrong password" });
    await expect(page.locator("#login-error")).toBeVisible();
    await expectNoAxeViolations(page, "login with error");

    await signIn(page, stack, { remember: true });
    await expect(page.locator("#accept")).toBeVisible();
    await expectNoAxeViolations(page, "consent");
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");

    await page.goto(stack.rp.logoutUrl({ state: "a11y" }));
    await expect(page.locator("#accept")).toBeVisible();
    await expectNoAxeViolations(page, "logout");

    for (const [label, path] of [
      ["logged-out", "/logged-out"],
      ["error", "/error?error=invalid_client&error_description=The+client+is+not+known."],
      ["expired", "/problem/expired"],
      ["unknown challenge", "/login?login_challenge=unknown-challenge"],
      ["unavailable", "/problem/unavailable"],
    ]) {
      await page.goto(`${stack.app.url}${path}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page, label as string);
    }
    await context.close();
  });
}

test("a page reached in Arabic only through the client's ui_locales has no WCAG 2.2 AA violations", async ({ browser, stack }) => {
  // No Accept-Language for Arabic and no language cookie: ui_locales alone picks the language.
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto(stack.rp.startUrl({ ui_locales: "ar" }));
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectNoAxeViolations(page, "login in Arabic through ui_locales");
  await context.close();
});
