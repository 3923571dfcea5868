import { expect, test } from "../harness/fixtures";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";

test.use({ javaScriptEnabled: false });

test("sign-in, consent with a scope unticked, logout and the error pages work without JavaScript", async ({ page, stack }) => {
  test.setTimeout(90_000);
  await page.goto(stack.rp.startUrl({ scope: "openid email phone" }));
  // Remembered, so Hydra has a session to end and asks the logout question.
  await signIn(page, stack, { remember: true });
  await allowConsent(page, { untick: ["phone"] });
  expect((await callbackResult(page, stack)).result).toBe("success");
  expect(stack.rp.lastTokens?.scope?.split(" ").sort()).toEqual(["email", "openid"]);

  await page.goto(stack.rp.logoutUrl({ state: "no-js" }));
  await page.locator("#accept").click();
  await page.waitForURL((url) => url.href.startsWith(stack.rp.postLogoutRedirectUri));

  for (const [path, status, heading] of [
    ["/logged-out", 200, "You are signed out"],
    ["/error?error=invalid_client", 200, "Something went wrong"],
    ["/login?login_challenge=unknown-challenge", 404, "This request is unknown"],
    ["/problem/expired", 200, "This request has expired"],
  ] as const) {
    const response = await page.goto(`${stack.app.url}${path}`);
    expect(response?.status(), path).toBe(status);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
});
