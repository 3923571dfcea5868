import type { Page } from "@playwright/test";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";
import { continueWithCorp, openAccountThroughCorp, signInAtUpstream, testWithUpstream } from "../flows/upstream-helpers";
import { expect } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import type { UpstreamUser } from "../harness/upstream";
import { expectNoAxeViolations } from "../ui/helpers";
import { openAccount } from "./helpers";

const users = {
  newcomer: { email: "newcomer@upstream.test", password: "upstream newcomer password", name: "New Comer" },
  noScript: { email: "account-noscript@upstream.test", password: "upstream noscript password" },
  languages: { email: "languages@upstream.test", password: "upstream languages password" },
} satisfies Record<string, UpstreamUser>;

const test = testWithUpstream(Object.values(users));

/** The confirmation link of Corp ID's row on /account/providers. */
async function unlinkCorpHref(page: Page, stack: Stack): Promise<string> {
  await page.goto(`${stack.app.url}/account/providers`);
  const href = await page.getByRole("link", { name: "Unlink “Corp ID”" }).getAttribute("href");
  expect(href).toMatch(/^\/account\/providers\/remove\?provider=corp&subject=/);
  return href!;
}

test("an account made by an upstream sign-in lists its provider, gets a first password that signs in, and unlinks the provider only once the password exists", async ({ page, stack }) => {
  test.setTimeout(150_000);
  const user = users.newcomer;
  await openAccountThroughCorp(page, stack, user);
  const providers = page.getByRole("region", { name: "Sign-in providers" });
  await expect(providers).toContainText("1 sign-in provider is linked to your account.");
  await expect(page.getByRole("link", { name: "Set a password" })).toBeVisible();
  await expectNoAxeViolations(page, "/account with a linked provider and no password");

  await providers.getByRole("link", { name: "Manage sign-in providers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign-in providers");
  await expect(page.getByRole("heading", { level: 2, name: "Corp ID" })).toBeVisible();
  await expect(page.getByText(/^Linked /)).toBeVisible();
  // The sign-in that made the account is its first use.
  await expect(page.getByText(/^Last used /)).toBeVisible();
  await expectNoAxeViolations(page, "/account/providers");

  // The only way in: the confirmation says why it cannot go, and a forged post is refused too.
  const unlink = await unlinkCorpHref(page, stack);
  await page.getByRole("link", { name: "Unlink “Corp ID”" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This provider cannot be unlinked yet");
  await expect(page.locator("#last-way-in")).toContainText("“Corp ID” is the only way to sign in to your account");
  await expect(page.locator('form[action="/account/providers/remove"]')).toHaveCount(0);
  await expectNoAxeViolations(page, "/account/providers/remove refused");
  await page.goto(`${stack.app.url}/account`);
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const target = new URL(unlink, stack.app.url).searchParams;
  const post = (form: Record<string, string>) => page.request.post(`${stack.app.url}/account/providers/remove`, { form, headers: { origin: stack.app.url }, maxRedirects: 0 });
  const refused = await post({ csrf, provider: "corp", subject: target.get("subject")! });
  expect(refused.status()).toBe(422);
  expect(await refused.text()).toContain("is the only way to sign in to your account");
  const unknown = await post({ csrf, provider: "corp", subject: "not-this-account" });
  expect(unknown.status()).toBe(303);
  expect(unknown.headers().location).toBe(`${stack.app.url}/account/providers`);
  expect((await post({ csrf: "forged", provider: "corp", subject: target.get("subject")! })).status()).toBe(403);

  // A first password: no current one is asked, the change's rule applies.
  await page.goto(new URL(unlink, stack.app.url).href);
  await page.getByRole("link", { name: "Set a password" }).click();
  await page.waitForURL((url) => url.pathname === "/account/password");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set a password");
  await expect(page.locator("#current-password")).toHaveCount(0);
  await expectNoAxeViolations(page, "/account/password setting a first one");
  const password = "the first local password";
  await page.locator("#new-password").fill(password);
  await page.locator("#confirm-password").fill("not the same password");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.locator("#password-error")).toHaveText("The two new passwords are not the same.");
  await expectNoAxeViolations(page, "/account/password setting a first one, refused");
  await page.locator("#new-password").fill(password);
  await page.locator("#confirm-password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await page.waitForURL((url) => url.pathname === "/account");
  await expect(page.getByRole("status")).toHaveText("Your password is set. You can now also sign in with your email address and this password.");
  await expect(page.getByRole("link", { name: "Change password" })).toBeVisible();
  await page.goto(`${stack.app.url}/account/password`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change password");
  await expect(page.locator("#current-password")).toBeVisible();
  // The first-password form takes nothing once there is a password.
  const again = await page.request.post(`${stack.app.url}/account/password/set`, {
    form: { csrf, next: "a takeover password", confirm: "a takeover password" },
    headers: { origin: stack.app.url },
    maxRedirects: 0,
  });
  expect(again.status()).toBe(303);
  expect(again.headers().location).toBe(`${stack.app.url}/account/password`);

  // Signed out, the password signs in to the same account.
  await page.context().clearCookies();
  await openAccount(page, stack, { email: user.email, password });
  await expect(page.getByRole("region", { name: "Sign-in providers" })).toContainText("1 sign-in provider is linked to your account.");

  // Now the provider can go.
  await page.goto(new URL(await unlinkCorpHref(page, stack), stack.app.url).href);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unlink this provider?");
  await expectNoAxeViolations(page, "/account/providers/remove");
  await page.getByRole("button", { name: "Unlink provider" }).click();
  await page.waitForURL((url) => url.pathname === "/account/providers");
  await expect(page.getByRole("status")).toHaveText("The provider is unlinked. It no longer signs you in to this account.");
  await expect(page.getByText("No sign-in provider is linked to your account.")).toBeVisible();
  await expectNoAxeViolations(page, "/account/providers with no link");

  // The upstream's email now belongs to an account it is not linked to: linking again needs that account's password.
  await page.context().clearCookies();
  stack.rp.reset();
  await continueWithCorp(page, stack);
  await signInAtUpstream(page, stack, user);
  await expect(page).toHaveURL(/\/login\/upstream\/link\?/);
  expect(stack.rp.callbacks).toHaveLength(0);
  await page.locator("#password").fill(password);
  await page.locator("#accept").click();
  await allowConsent(page);
  expect((await callbackResult(page, stack)).result).toBe("success");
  expect(stack.rp.lastTokens!.id_token_claims!.amr).toEqual(expect.arrayContaining(["fed", "pwd"]));
});

test("the sign-in providers pages speak the five languages, right to left in Arabic", async ({ page, stack }) => {
  test.setTimeout(90_000);
  await openAccountThroughCorp(page, stack, users.languages);
  const unlink = await unlinkCorpHref(page, stack);
  const headings = new Set<string>();
  for (const [lang, dir] of [["en", "ltr"], ["de", "ltr"], ["fr", "ltr"], ["es", "ltr"], ["ar", "rtl"]] as const) {
    for (const path of ["/account/providers", unlink, "/account/password"]) {
      await page.goto(`${stack.app.url}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.locator("html")).toHaveAttribute("dir", dir);
      headings.add((await page.getByRole("heading", { level: 1 }).textContent()) ?? "");
      if (lang === "ar") await expectNoAxeViolations(page, `${path} in Arabic`);
    }
  }
  expect(headings.size).toBe(15);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the providers are listed and a first password is set", async ({ page, stack }) => {
    test.setTimeout(90_000);
    await openAccountThroughCorp(page, stack, users.noScript);
    await page.goto(`${stack.app.url}/account/providers`);
    await expect(page.getByRole("heading", { level: 2, name: "Corp ID" })).toBeVisible();
    await page.goto(`${stack.app.url}/account/password`);
    await page.locator("#new-password").fill("a password without script");
    await page.locator("#confirm-password").fill("a password without script");
    await page.getByRole("button", { name: "Set password" }).click();
    await page.waitForURL((url) => url.pathname === "/account");
    await expect(page.getByRole("status")).toContainText("Your password is set.");
    await page.context().clearCookies();
    await page.goto(stack.rp.startUrl());
    await signIn(page, stack, { email: users.noScript.email, password: "a password without script" });
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
    expect(stack.rp.lastTokens!.id_token_claims!.amr).toEqual(["pwd"]);
  });
});
