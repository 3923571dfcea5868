import { expect, test } from "../harness/fixtures";
import { allowConsent, callbackResult, countVisits, signIn } from "./helpers";

test.describe("logout against real Hydra", () => {
  test.beforeEach(async ({ page, stack }) => {
    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    await signIn(page, stack, { remember: true });
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
  });

  test("RP-initiated logout with id_token_hint, post_logout_redirect_uri and state returns there with the state", async ({
    page,
    stack,
  }) => {
    await page.goto(stack.rp.logoutUrl({ state: "logout-state-123" }));
    await expect(page.getByRole("heading", { name: "Sign out?" })).toBeVisible();
    await expect(page.getByText(stack.user.email)).toBeVisible();
    await page.locator("#accept").click();

    await page.waitForURL((url) => url.href.startsWith(stack.rp.postLogoutRedirectUri));
    expect(new URL(page.url()).searchParams.get("state")).toBe("logout-state-123");

    // The Hydra session is gone: the next authorization shows the login form again.
    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    await expect(page.locator("#password")).toBeVisible();
  });

  test("answering No keeps the session: the next authorization skips the login form", async ({ page, stack }) => {
    await page.goto(stack.rp.logoutUrl({ state: "logout-state-456" }));
    await page.locator("#reject").click();
    await page.waitForURL((url) => url.origin === new URL(stack.app.url).origin && url.pathname === "/");
    expect(stack.rp.loggedOut).toHaveLength(0);

    const loginVisits = countVisits(page, stack, "/login");
    stack.rp.reset();
    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
    // Hydra sent the browser through /login (skip=true) and the app accepted at once, without the form.
    expect(loginVisits()).toBe(1);
  });
});
