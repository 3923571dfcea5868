import { expect, test } from "../harness/fixtures";
import { allowConsent, callbackResult, signIn } from "./helpers";

test.describe("sign-in and consent against real Hydra", () => {
  test("code flow with PKCE and nonce releases only the consented claims", async ({ page, stack }) => {
    await page.goto(stack.rp.startUrl({ scope: "openid email profile" }));
    await signIn(page, stack);
    await allowConsent(page, { untick: ["profile"] });

    const result = await callbackResult(page, stack);
    // openid-client checked the ID token's signature (JWKS), nonce, iss and aud, and the PKCE verifier.
    expect(result.result).toBe("success");
    const tokens = stack.rp.lastTokens!;
    expect(tokens.id_token_claims).toMatchObject({ email: stack.user.email, email_verified: true, amr: ["pwd"] });
    expect(tokens.id_token_claims).not.toHaveProperty("name");
    expect(tokens.id_token_claims?.iss).toBe(stack.hydra.issuer);
    expect(tokens.id_token_claims?.aud).toContain(stack.client.client_id);

    const userinfo = await stack.rp.userinfo(tokens.access_token);
    expect(userinfo.status).toBe(200);
    expect(userinfo.body).toMatchObject({ email: stack.user.email, sub: tokens.id_token_claims?.sub });
    expect(userinfo.body).not.toHaveProperty("name");

    const introspection = await stack.rp.introspect(tokens.access_token);
    expect(introspection.active).toBe(true);
    expect(String(introspection.scope).split(" ").sort()).toEqual(["email", "openid"]);
  });

  test("denying at login sends access_denied with its description to the relying party", async ({ page, stack }) => {
    await page.goto(stack.rp.startUrl());
    await expect(page.locator("#reject")).toBeVisible();
    await page.locator("#reject").click();

    const result = await callbackResult(page, stack);
    expect(result).toMatchObject({ result: "error", error: "access_denied" });
    expect(result.result === "error" && result.error_description).toContain("The resource owner denied the request");
  });

  test("denying at consent sends access_denied with its description to the relying party", async ({ page, stack }) => {
    await page.goto(stack.rp.startUrl());
    await signIn(page, stack);
    await expect(page.locator("#reject")).toBeVisible();
    await page.locator("#reject").click();

    const result = await callbackResult(page, stack);
    expect(result).toMatchObject({ result: "error", error: "access_denied" });
    expect(result.result === "error" && result.error_description).toContain("The resource owner denied the request");
  });

  test("a wrong password and an unknown email get the same message, keep the email and stay on the page", async ({
    page,
    stack,
  }) => {
    await page.goto(stack.rp.startUrl());
    await signIn(page, stack, { password: "not-the-password" });
    const alert = page.locator("#login-error");
    await expect(alert).toHaveText("The email address or password is not correct.");
    await expect(page.locator("#email")).toHaveValue(stack.user.email);
    expect(new URL(page.url()).pathname).toBe("/login");

    await signIn(page, stack, { email: "nobody@example.com" });
    await expect(alert).toHaveText("The email address or password is not correct.");
    await expect(page.locator("#email")).toHaveValue("nobody@example.com");
    expect(stack.rp.callbacks).toHaveLength(0);

    // The same form still works once the right password is given.
    await signIn(page, stack);
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
  });

  test("login_hint pre-fills the email", async ({ page, stack }) => {
    await page.goto(stack.rp.startUrl({ login_hint: "hint@example.com" }));
    await expect(page.locator("#email")).toHaveValue("hint@example.com");
  });

  test("a client marked skip_consent gets its tokens without a consent page", async ({ page, stack }) => {
    const trusted = await stack.addClient({ skip_consent: true });
    await page.goto(stack.rp.startUrl({ client_id: trusted.client_id, scope: "openid email" }));
    await signIn(page, stack);
    const result = await callbackResult(page, stack);
    expect(result.result).toBe("success");
    expect(stack.rp.lastTokens?.id_token_claims).toMatchObject({ email: stack.user.email });
  });
});

test("sign-in, consent with a scope unticked, and logout work without JavaScript", async ({ browser, stack }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(stack.rp.startUrl({ scope: "openid email profile" }));
  await signIn(page, stack, { remember: true });
  await allowConsent(page, { untick: ["profile"] });
  const result = await callbackResult(page, stack);
  expect(result.result).toBe("success");
  expect(stack.rp.lastTokens?.scope?.split(" ").sort()).toEqual(["email", "openid"]);

  await page.goto(stack.rp.logoutUrl({ state: "no-script-state" }));
  await page.locator("#accept").click();
  await page.waitForURL((url) => url.href.startsWith(stack.rp.postLogoutRedirectUri));
  await context.close();
});
