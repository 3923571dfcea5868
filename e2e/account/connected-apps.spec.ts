import { allowConsent, callbackResult } from "../flows/helpers";
import { expect, test } from "../harness/fixtures";
import { connectApp, newPerson, openAccount } from "./helpers";

test.describe("connected apps on /account", () => {
  test("two apps are listed; removing one ends its tokens and asks its consent again, the other keeps working", async ({ page, stack }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack);
    const other = await stack.addClient({ client_name: "Second RP", logo_uri: "https://example.com/logo.png", client_uri: "javascript:alert(1)" });
    const first = await connectApp(page, stack, person, stack.client.client_id);
    const second = await connectApp(page, stack, person, other.client_id);

    await openAccount(page, stack, person);
    const apps = page.locator(".app");
    await expect(apps).toHaveCount(2);
    await expect(page.getByText("2 apps")).toBeVisible();
    const secondApp = apps.filter({ hasText: "Second RP" });
    // Scopes in the catalogue's words, when it was granted, and that it is remembered.
    await expect(secondApp.getByText("Your email address")).toBeVisible();
    await expect(secondApp.getByText(/^Access granted .*ago|now$/)).toBeVisible();
    await expect(secondApp.getByText("Remembered until you remove access")).toBeVisible();
    // An http(s) logo is shown, a javascript: link never.
    await expect(secondApp.locator("img.client-logo")).toHaveAttribute("src", "https://example.com/logo.png");
    await expect(secondApp.getByRole("link", { name: "Website" })).toHaveCount(0);
    // The account page's own client is not among them.
    await expect(page.getByText("hydra-provider-account")).toHaveCount(0);

    await apps.filter({ hasText: "E2E relying party" }).getByRole("link", { name: /Remove access/ }).click();
    await expect(page.getByRole("heading", { name: "Remove access?" })).toBeVisible();
    await page.getByRole("button", { name: "Remove access" }).click();
    await page.waitForURL((url) => url.pathname === "/account" && url.searchParams.get("done") === "app_removed");
    await expect(page.getByRole("status")).toHaveText("Access removed.");
    await expect(page.locator(".app")).toHaveCount(1);
    await expect(page.locator(".app")).toContainText("Second RP");

    // Hydra deleted the first app's tokens: inactive at introspection, and its refresh token is refused.
    expect((await stack.rp.introspect(first.access_token)).active).toBe(false);
    await expect(stack.rp.refresh(first.refresh_token!, stack.client.client_id)).rejects.toThrow();
    expect((await stack.rp.introspect(second.access_token)).active).toBe(true);
    expect((await stack.rp.refresh(second.refresh_token!, other.client_id)).access_token).toBeTruthy();

    // Its next flow asks for consent again (the login is still remembered); the other app's does not.
    await page.goto(stack.rp.startUrl({ client_id: stack.client.client_id, scope: "openid offline_access email profile" }));
    await page.waitForURL((url) => url.pathname === "/consent");
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
    stack.rp.reset();
    await page.goto(stack.rp.startUrl({ client_id: other.client_id, scope: "openid offline_access email profile" }));
    expect((await callbackResult(page, stack)).result).toBe("success");
  });

  test("remove access for every app: each asks again, the account page stays signed in", async ({ page, stack }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack);
    const other = await stack.addClient({ client_name: "Third RP" });
    const first = await connectApp(page, stack, person, stack.client.client_id);
    const second = await connectApp(page, stack, person, other.client_id);
    await openAccount(page, stack, person);

    await page.getByRole("link", { name: "Remove access for every app" }).click();
    await expect(page.getByText("2 apps can no longer use your account.", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: "Remove access for every app" }).click();
    await page.waitForURL((url) => url.searchParams.get("done") === "apps_removed");
    await expect(page.getByText("You have not given any app access to your account.")).toBeVisible();
    expect((await stack.rp.introspect(first.access_token)).active).toBe(false);
    expect((await stack.rp.introspect(second.access_token)).active).toBe(false);

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  });

  test("the confirmation of an app that is not connected leads back to the account page", async ({ page, stack }) => {
    const person = await newPerson(stack);
    await openAccount(page, stack, person);
    await page.goto(`${stack.app.url}/account/apps/remove?client=not-connected`);
    await page.waitForURL((url) => url.pathname === "/account");
    await page.goto(`${stack.app.url}/account/apps/remove-all`);
    await page.waitForURL((url) => url.pathname === "/account");
  });

  test("account forms need this browser's token for this account", async ({ page, stack, browser }) => {
    const person = await newPerson(stack);
    await openAccount(page, stack, person);
    const token = await page.locator('form[action="/account/sign-out"] input[name="csrf"]').inputValue();

    // Another browser signed in as someone else cannot use it.
    const otherContext = await browser.newContext();
    const otherPage = await otherContext.newPage();
    await openAccount(otherPage, stack, await newPerson(stack));
    const forged = await otherPage.request.post(`${stack.app.url}/account/apps/remove-all/submit`, {
      form: { csrf: token },
      headers: { origin: stack.app.url },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    // A post from another site is refused before the token is read.
    const crossSite = await page.request.post(`${stack.app.url}/account/apps/remove-all/submit`, {
      form: { csrf: token },
      headers: { origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(crossSite.status()).toBe(403);
    await otherContext.close();
  });
});
