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
    // A path that is no page at all says so, rather than speaking of a sign-in request.
    ["/anything", 404, "This page does not exist"],
    ["/login/submit", 405, "This link is not valid"],
  ] as const) {
    const response = await page.goto(`${stack.app.url}${path}`);
    expect(response?.status(), path).toBe(status);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    expect(await page.locator("script").count(), path).toBe(0);
  }
});

test.describe("with JavaScript on", () => {
  test.use({ javaScriptEnabled: true });

  test("the flow pages ship no framework payload, and no script but the login page's passkey script", async ({ page, stack }) => {
    const scriptRequests: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scriptRequests.push(new URL(request.url()).pathname);
    });
    const expectNoScript = async () => expect(await page.content(), page.url()).not.toMatch(/<script|__NEXT_DATA__|self\.__next_f/);
    // The login page offers passkeys: one script of ours (public/passkey.js), nothing of Next's.
    const expectOnlyPasskeyScript = async () => {
      const content = await page.content();
      expect(content, page.url()).not.toMatch(/__NEXT_DATA__|self\.__next_f|_next\/static/);
      expect(content.match(/<script[^>]*>/g), page.url()).toEqual([expect.stringMatching(/^<script nonce="[^"]*" src="\/passkey\.js\?v=[\w-]+" defer="">$/)]);
    };

    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    await expectOnlyPasskeyScript();
    await signIn(page, stack, { password: "wrong password" });
    await expect(page.locator("#login-error")).toBeVisible();
    await expectOnlyPasskeyScript();
    await signIn(page, stack, { remember: true });
    await expect(page.locator("#accept")).toBeVisible();
    await expectNoScript();
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
    await page.goto(stack.rp.logoutUrl({ state: "no-scripts" }));
    await expect(page.locator("#accept")).toBeVisible();
    await expectNoScript();
    expect(new Set(scriptRequests)).toEqual(new Set(["/passkey.js"]));
  });
});
