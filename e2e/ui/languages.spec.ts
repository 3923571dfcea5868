import type { Page } from "@playwright/test";
import { expect, test } from "../harness/fixtures";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";

async function expectDocumentIn(page: Page, lang: string, dir: "ltr" | "rtl", heading: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expect(page.locator("html")).toHaveAttribute("dir", dir);
}

test.describe("languages", () => {
  for (const { uiLocales, dir, headings } of [
    { uiLocales: "ar", dir: "rtl", headings: { login: "تسجيل الدخول", consent: "السماح بالوصول؟", logout: "تسجيل الخروج؟" } },
    { uiLocales: "de", dir: "ltr", headings: { login: "Anmelden", consent: "Zugriff erlauben?", logout: "Abmelden?" } },
  ] as const) {
    test(`ui_locales=${uiLocales} alone sets the document's lang and dir on the login, consent and logout pages`, async ({ browser, stack }) => {
      // An English browser without a language cookie: only the client's ui_locales asks for this language.
      const context = await browser.newContext({ locale: "en-US" });
      const page = await context.newPage();
      const client = await stack.addClient();
      await page.goto(stack.rp.startUrl({ client_id: client.client_id, ui_locales: uiLocales }));
      await expectDocumentIn(page, uiLocales, dir, headings.login);
      await signIn(page, stack, { remember: true });
      await expectDocumentIn(page, uiLocales, dir, headings.consent);
      await allowConsent(page);
      expect((await callbackResult(page, stack)).result).toBe("success");
      // RP-initiated logout carries ui_locales in its own URL (OpenID RP-Initiated Logout 1.0 §2).
      await page.goto(stack.rp.logoutUrl({ state: "lang", ui_locales: uiLocales }));
      await expectDocumentIn(page, uiLocales, dir, headings.logout);
      await context.close();
    });
  }

  test("the client's ui_locales picks the language, before the browser's", async ({ browser, stack }) => {
    const context = await browser.newContext({ locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(stack.rp.startUrl({ ui_locales: "ja de-AT" }));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Anmelden");
    await expect(page.getByLabel("E-Mail-Adresse")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page).toHaveTitle("Anmelden");
    await context.close();
  });

  test("the browser's Accept-Language is used when the client asks for nothing", async ({ browser, stack }) => {
    const context = await browser.newContext({ locale: "es-MX" });
    const page = await context.newPage();
    await page.goto(stack.rp.startUrl());
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Iniciar sesión");
    await context.close();
  });

  test("the switcher keeps the challenge, switches to Arabic right-to-left, and the choice is remembered", async ({ page, stack }) => {
    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    const challenge = new URL(page.url()).searchParams.get("login_challenge");
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "العربية" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("تسجيل الدخول");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    expect(new URL(page.url()).searchParams.get("login_challenge")).toBe(challenge);
    await expect(page.getByRole("link", { name: "العربية" })).toHaveAttribute("aria-current", "true");

    // The form still works after switching, and the consent page, reached through Hydra, stays in Arabic (cookie).
    await signIn(page, stack);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("السماح بالوصول؟");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
  });

  test("the switcher works without JavaScript", async ({ browser, stack }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(stack.rp.startUrl());
    await page.getByRole("link", { name: "Français" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Se connecter");
    await expect(page.locator("#email")).toBeVisible();
    await context.close();
  });

  test("error pages are translated too", async ({ browser, stack }) => {
    const context = await browser.newContext({ locale: "de-DE", javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${stack.app.url}/login?login_challenge=unknown-challenge`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Diese Anfrage ist unbekannt");
    await page.goto(`${stack.app.url}/error?error=invalid_client&lang=es`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Algo salió mal");
    await context.close();
  });

  test("the language link refuses to send the browser to another site", async ({ page, stack }) => {
    for (const to of ["https://evil.example/login", "//evil.example/login", "/\\evil.example/"]) {
      const response = await page.request.get(`${stack.app.url}/lang?locale=de&to=${encodeURIComponent(to)}`, { maxRedirects: 0 });
      expect(response.status()).toBe(303);
      expect(new URL(response.headers().location ?? "", stack.app.url).origin).toBe(new URL(stack.app.url).origin);
    }
  });
});
