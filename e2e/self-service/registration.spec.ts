import { expect, test } from "../harness/fixtures";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";
import { codeIn, expectCheckEmail, fillRegistration, linkIn, uniqueEmail } from "./helpers";

test.use({ stackOptions: { appEnv: { ALLOW_REGISTRATION: "on" } } });

test.describe("registration and e-mail verification", () => {
  test("sign up from the login page, verify with the link, and land in the same OAuth flow with email_verified", async ({ page, stack }) => {
    const email = uniqueEmail("link");
    await page.goto(stack.rp.startUrl({ scope: "openid email profile" }));
    const challenge = new URL(page.url()).searchParams.get("login_challenge");
    await page.getByRole("link", { name: "Create an account" }).click();
    expect(new URL(page.url()).searchParams.get("login_challenge")).toBe(challenge);
    await fillRegistration(page, email);
    await expectCheckEmail(page);

    const mail = await stack.mail.waitFor(email);
    expect(mail.subject).toContain("Confirm your e-mail address");
    expect(mail.html).toContain(linkIn(mail, "/verify").replaceAll("&", "&amp;"));
    expect(mail.text).not.toContain(challenge!);
    expect(linkIn(mail, "/verify")).not.toContain(encodeURIComponent(email));
    await page.goto(linkIn(mail, "/verify"));
    await page.getByRole("button", { name: "Confirm e-mail address" }).click();
    await allowConsent(page);
    const result = await callbackResult(page, stack);
    expect(result.result).toBe("success");
    expect(stack.rp.lastTokens?.id_token_claims).toMatchObject({ email, email_verified: true, name: "Ada Lovelace", amr: ["pwd"] });
  });

  test("verify with the code typed on the page, and land in the same OAuth flow", async ({ page, stack }) => {
    const email = uniqueEmail("code");
    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    await page.getByRole("link", { name: "Create an account" }).click();
    await fillRegistration(page, email);
    await expectCheckEmail(page);
    const code = codeIn(await stack.mail.waitFor(email));

    await page.getByLabel("Code from the e-mail").fill("WRONG234");
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("alert")).toHaveText("That code is not right or no longer valid.");
    await page.getByLabel("Code from the e-mail").fill(code.toLowerCase());
    await page.getByRole("button", { name: "Confirm" }).click();
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
    expect(stack.rp.lastTokens?.id_token_claims).toMatchObject({ email, email_verified: true });
  });

  test("an unverified account cannot finish a sign-in; it is sent a new code, and verifying signs it in", async ({ page, stack }) => {
    const email = uniqueEmail("unverified");
    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    await page.getByRole("link", { name: "Create an account" }).click();
    await fillRegistration(page, email);
    await stack.mail.waitFor(email);

    const since = Date.now();
    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    await signIn(page, stack, { email, password: "a sturdy passphrase 4 tests" });
    await expect(page.getByText("Please confirm your e-mail address before you sign in.")).toBeVisible();
    const code = codeIn(await stack.mail.waitFor(email, { since }));
    await page.getByLabel("Code from the e-mail").fill(code);
    await page.getByRole("button", { name: "Confirm" }).click();
    await allowConsent(page);
    expect(stack.rp.lastTokens?.id_token_claims).toMatchObject({ email, email_verified: true });
  });

  test("a taken address gets the same page, and an e-mail saying so instead of a second account", async ({ page, stack }) => {
    await page.goto(`${stack.app.url}/register`);
    await fillRegistration(page, stack.user.email, { password: "another sturdy passphrase" });
    await expectCheckEmail(page);
    const mail = await stack.mail.waitFor(stack.user.email);
    expect(mail.subject).toContain("Your account at");
    expect(mail.text).toContain("you already have one");
    expect(mail.text).not.toMatch(/token=/);
  });

  test("weak passwords are refused with a message, and nothing is sent", async ({ page, stack }) => {
    const email = uniqueEmail("weak");
    await page.goto(`${stack.app.url}/register`);
    await fillRegistration(page, email, { password: "qwerty123456" });
    await expect(page.getByRole("alert")).toHaveText("This password is too common. Choose another one.");
    await expect(page.getByLabel("Email address")).toHaveValue(email);
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByLabel("Password", { exact: true }).evaluate((input) => input.removeAttribute("minlength"));
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("alert")).toHaveText("The password needs at least 12 characters.");
    expect(stack.mail.to(email)).toHaveLength(0);
  });

  test("a verification link works once; a reused or altered one gets a clear page", async ({ page, stack, request }) => {
    const email = uniqueEmail("reuse");
    await page.goto(`${stack.app.url}/register`);
    await fillRegistration(page, email);
    const link = linkIn(await stack.mail.waitFor(email), "/verify");
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm e-mail address" }).click();
    await expect(page.getByRole("heading", { name: "E-mail address confirmed" })).toBeVisible();

    const reused = await request.get(link);
    expect(reused.status()).toBe(410);
    expect(await reused.text()).toContain("This link was already used");
    const tampered = new URL(link);
    tampered.searchParams.set("token", `${tampered.searchParams.get("token")!.slice(0, -2)}AA`);
    const altered = await request.get(tampered.href);
    expect(altered.status()).toBe(400);
    expect(await altered.text()).toContain("This link is not valid");
  });
});
