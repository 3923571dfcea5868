import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "../harness/fixtures";
import { repoRoot } from "../harness/process";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";

// Run through `node scripts/screenshots.mjs`; skipped in the normal suite.
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 (node scripts/screenshots.mjs) to render docs/screenshots/");

const variants = [
  { name: "light", colorScheme: "light", locale: "en-US" },
  { name: "dark", colorScheme: "dark", locale: "en-US" },
  { name: "rtl", colorScheme: "light", locale: "ar" },
] as const;

const shot = (page: Page, name: string, variant: string) =>
  page.screenshot({ path: join(repoRoot, "docs", "screenshots", `${name}-${variant}.png`), fullPage: true });

for (const variant of variants) {
  test(`screenshots: ${variant.name}`, async ({ browser, stack }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({ colorScheme: variant.colorScheme, locale: variant.locale, viewport: { width: 720, height: 760 } });
    const page = await context.newPage();
    const client = await stack.addClient({ client_name: "Example App", scope: "openid offline_access profile email phone" });

    await page.goto(stack.rp.startUrl({ client_id: client.client_id, scope: "openid offline_access profile email phone" }));
    await expect(page.locator("#email")).toBeVisible();
    await shot(page, "login", variant.name);
    await signIn(page, stack, { password: "wrong password" });
    await expect(page.locator("#login-error")).toBeVisible();
    await shot(page, "login-error", variant.name);
    await signIn(page, stack, { remember: true });
    await expect(page.locator("#accept")).toBeVisible();
    await shot(page, "consent", variant.name);
    await allowConsent(page);
    await callbackResult(page, stack);

    await page.goto(stack.rp.logoutUrl({ state: "shots" }));
    await expect(page.locator("#accept")).toBeVisible();
    await shot(page, "logout", variant.name);
    for (const [name, path] of [
      ["logged-out", "/logged-out"],
      ["error", "/error?error=invalid_client"],
      ["expired", "/problem/expired"],
    ] as const) {
      await page.goto(`${stack.app.url}${path}`);
      await shot(page, name, variant.name);
    }
    await context.close();
  });
}
