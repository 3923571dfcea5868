import { expect, test } from "../harness/fixtures";
import { signIn } from "../flows/helpers";

test.describe("forms refuse forged posts", () => {
  test("a cross-site form post gets the 403 page and nothing is accepted", async ({ page, stack }) => {
    await page.goto(stack.rp.startUrl());
    const challenge = await page.locator('input[name="challenge"]').inputValue();
    const csrf = await page.locator('input[name="csrf"]').inputValue();

    // The attacker's page lives on another origin (the RP's) and posts the victim's browser into our form.
    await page.route(`${stack.rp.url}/attack`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="post" action="${stack.app.url}/login/submit">
          <input name="challenge" value="${challenge}"><input name="csrf" value="${csrf}">
          <input name="email" value="${stack.user.email}"><input name="password" value="${stack.user.password}">
          <button name="action" value="accept" id="go">go</button></form>`,
      }),
    );
    await page.goto(`${stack.rp.url}/attack`);
    const [response] = await Promise.all([page.waitForResponse(`${stack.app.url}/login/submit`), page.click("#go")]);
    expect(response.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This form could not be accepted");
    expect(stack.rp.callbacks).toHaveLength(0);
  });

  test("a post without the token, or with another challenge's token, gets the 403 page", async ({ page, stack }) => {
    await page.goto(stack.rp.startUrl());
    const first = {
      challenge: await page.locator('input[name="challenge"]').inputValue(),
      csrf: await page.locator('input[name="csrf"]').inputValue(),
    };
    await page.goto(stack.rp.startUrl());
    const second = await page.locator('input[name="challenge"]').inputValue();

    const post = (form: Record<string, string>) =>
      page.request.post(`${stack.app.url}/login/submit`, {
        form: { email: stack.user.email, password: stack.user.password, action: "accept", ...form },
        headers: { origin: stack.app.url },
        maxRedirects: 0,
      });
    expect((await post({ challenge: first.challenge })).status()).toBe(403);
    expect((await post({ challenge: second, csrf: first.csrf })).status()).toBe(403);
    // The same browser with the matching token is accepted: the refusals above were about the token.
    expect((await post(first)).status()).toBe(303);
  });
});

test.describe("security headers", () => {
  test("flow pages carry the CSP, framing, referrer and caching headers from the one builder", async ({ page, stack }) => {
    const response = await page.goto(stack.rp.startUrl());
    const headers = response!.headers();
    const csp = headers["content-security-policy"]!;
    // The login page runs the passkey script, by the request's nonce only; every other page runs none (e2e/account/passkeys.spec.ts).
    expect(csp).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`form-action 'self' ${new URL(stack.hydra.publicUrl).origin} ${new URL(stack.rp.url).origin}`);
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["cache-control"]).toBe("no-store");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["strict-transport-security"]).toBeUndefined(); // plain http here

    // The pages need no JavaScript; the login page's one script is the passkey ceremony, with the CSP's nonce.
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    await expect(page.locator("script")).toHaveCount(1);
    // Browsers hide a nonce from the DOM's attribute once applied; the property keeps it.
    expect(await page.locator("script").evaluate((script) => (script as HTMLScriptElement).nonce)).toBe(nonce);
  });

  test("the consent page cannot be framed by another site", async ({ page, stack }) => {
    await page.goto(stack.rp.startUrl());
    await signIn(page, stack);
    await page.waitForURL(/\/consent\?/);
    const consentUrl = page.url();

    await page.route(`${stack.rp.url}/frame`, (route) =>
      route.fulfill({ contentType: "text/html", body: `<iframe id="f" src="${consentUrl}"></iframe>` }),
    );
    await page.goto(`${stack.rp.url}/frame`);
    const frame = page.frameLocator("#f");
    await expect(frame.locator("#accept")).toHaveCount(0);
  });

  test("the flow cookie is HttpOnly and SameSite=Lax", async ({ page, context, stack }) => {
    await page.goto(stack.rp.startUrl());
    const cookie = (await context.cookies(stack.app.url)).find((c) => c.name === "provider-flow");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  });
});
