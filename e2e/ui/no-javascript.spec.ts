import { expect, test } from "../harness/fixtures";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";

test.use({ javaScriptEnabled: false });

test("sign-in, consent with a scope unticked, logout and the error pages work without JavaScript", async ({ page, stack }) => {
  await page.goto(stack.rp.startUrl({ scope: "openid email phone" }));
  await signIn(page, stack, { password: "wrong" });
  await expect(page.locator("#login-error")).toBeVisible();
  await signIn(page, stack);
  await allowConsent(page, { untick: ["phone"] });
  expect((await callbackResult(page, stack)).result).toBe("success");
  expect(stack.rp.lastTokens?.scope?.split(" ").sort()).toEqual(["email", "openid"]);

  await page.goto(stack.rp.logoutUrl({ state: "no-js" }));
  await page.locator("#accept").click();
  await page.waitForURL((url) => url.href.startsWith(stack.rp.postLogoutRedirectUri));

  for (const [path, status, heading] of [
    ["/logged-out", 200, "You are signed out"],
    ["/error?error=invalid_client", 200, "Something went wrong"],
    ["/consent?consent_challenge=unknown-challenge", 404, "This request is unknown"],
    ["/problem/expired", 200, "This request has expired"],
  ] as const) {
    const response = await page.goto(`${stack.app.url}${path}`);
    expect(response?.status(), path).toBe(status);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  }
});
