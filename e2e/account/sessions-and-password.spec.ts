import type { Browser } from "@playwright/test";
import { signIn } from "../flows/helpers";
import { expect, test } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import { connectApp, newPerson, openAccount, type Person } from "./helpers";

/** A second browser with a remembered login at Hydra and a consent given in it; returns the ID token's sid. */
async function secondBrowser(browser: Browser, stack: Stack, person: Person) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const tokens = await connectApp(page, stack, person, stack.client.client_id);
  return { context, page, sid: tokens.id_token_claims?.sid as string };
}

test.describe("sign out everywhere", () => {
  test("ends the remembered login of every browser, tells back-channel apps, and ends the account page", async ({ page, stack, browser }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack);
    const other = await secondBrowser(browser, stack, person);
    await openAccount(other.page, stack, person);
    await connectApp(page, stack, person, stack.client.client_id);
    await openAccount(page, stack, person);
    stack.rp.reset();

    await page.getByRole("link", { name: "Sign out everywhere" }).click();
    await expect(page.getByRole("heading", { name: "Sign out everywhere?" })).toBeVisible();
    await expect(page.getByText(/keeps working until it expires/)).toBeVisible();
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.waitForURL((url) => url.pathname === "/account/signed-out");
    await expect(page.getByText("You are signed out on every device and browser.")).toBeVisible();

    // The other browser's app got a back-channel logout for its login session.
    await expect.poll(() => stack.rp.backchannelTokens.map((token) => token.claims?.sid)).toContain(other.sid);
    expect(stack.rp.backchannelTokens.every((token) => token.verified)).toBe(true);
    // Its remembered login no longer skips the form, and its account page session is over.
    await other.page.goto(stack.rp.startUrl({ scope: "openid" }));
    await expect(other.page.locator("#password")).toBeVisible();
    await other.page.goto(`${stack.app.url}/account`);
    await other.page.waitForURL((url) => url.pathname === "/login");
    // So is this browser's.
    await page.goto(`${stack.app.url}/account`);
    await page.waitForURL((url) => url.pathname === "/login");
    await other.context.close();
  });
});

test.describe("sign out", () => {
  test("ends the account page's session and Hydra's, through RP-initiated logout", async ({ page, stack }) => {
    const person = await newPerson(stack);
    await openAccount(page, stack, person, { remember: true });
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.pathname === "/account/signed-out");
    await expect(page.getByText("You are signed out of your account.")).toBeVisible();
    await page.getByRole("link", { name: "Sign in again" }).click();
    await expect(page.locator("#password")).toBeVisible();
  });
});

test.describe("password change", () => {
  test("needs the current password, signs the other browser out, and the new password is the one that works", async ({ page, stack, browser }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack);
    const other = await secondBrowser(browser, stack, person);
    await openAccount(other.page, stack, person);
    await openAccount(page, stack, person);
    // No upstream provider is configured here and the account has no link: no section for them.
    await expect(page.getByRole("region", { name: "Sign-in providers" })).toHaveCount(0);
    const next = "a new password 2026";

    await page.getByRole("link", { name: "Change password" }).click();
    await page.getByLabel("Current password").fill("not the password");
    await page.getByLabel("New password", { exact: true }).fill(next);
    await page.getByLabel("Repeat the new password").fill(next);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("alert")).toHaveText("The current password is not correct.");
    await expect(page.getByLabel("Current password")).toHaveValue("");

    await page.getByLabel("Current password").fill(person.password);
    await page.getByLabel("New password", { exact: true }).fill(next);
    await page.getByLabel("Repeat the new password").fill("something else");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("alert")).toHaveText("The two new passwords are not the same.");

    await page.getByLabel("Current password").fill(person.password);
    await page.getByLabel("New password", { exact: true }).fill(next);
    await page.getByLabel("Repeat the new password").fill(next);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.waitForURL((url) => url.searchParams.get("done") === "password_changed_signed_out");
    await expect(page.getByRole("status")).toContainText("Your password is changed");
    // This browser stays on its account page.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();

    // The other browser is signed out of both; the old password fails there and the new one works.
    await other.page.goto(`${stack.app.url}/account`);
    await other.page.waitForURL((url) => url.pathname === "/login");
    await signIn(other.page, stack, person);
    await expect(other.page.getByRole("alert")).toHaveText("The email address or password is not correct.");
    await signIn(other.page, stack, { ...person, password: next });
    // Hydra v2.3.0 fails this first sign-in: the browser still holds the cookie of the login session
    // that was revoked, and a login accepted without "remember me" deletes that session by the
    // cookie's id, which is no longer there (404, sent to the client as an error: see
    // revokeAuthenticationSession in consent/strategy_default.go, and ory/hydra#3371). The failed
    // attempt clears the cookie, so trying again works.
    await expect(other.page.getByRole("heading", { name: "Sign-in did not finish" })).toBeVisible();
    await other.page.getByRole("link", { name: "Try again" }).click();
    await signIn(other.page, stack, { ...person, password: next });
    await other.page.waitForURL((url) => url.pathname === "/account");
    await other.context.close();
  });

  test("keeping the other sessions keeps the other browser signed in", async ({ page, stack, browser }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack);
    const other = await secondBrowser(browser, stack, person);
    await openAccount(other.page, stack, person);
    await openAccount(page, stack, person);
    await page.goto(`${stack.app.url}/account/password`);
    await page.getByLabel("Current password").fill(person.password);
    await page.getByLabel("New password", { exact: true }).fill("kept sessions pw");
    await page.getByLabel("Repeat the new password").fill("kept sessions pw");
    await page.getByLabel("Keep me signed in on my other devices").check();
    await page.getByRole("button", { name: "Change password" }).click();
    await page.waitForURL((url) => url.searchParams.get("done") === "password_changed");
    await other.page.goto(`${stack.app.url}/account`);
    await expect(other.page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await other.context.close();
  });

  test("wrong current passwords are throttled like sign-ins", async ({ page, stack }) => {
    const person = await newPerson(stack);
    await openAccount(page, stack, person);
    const token = await page.locator('form[action="/account/sign-out"] input[name="csrf"]').inputValue();
    const attempt = (current: string) =>
      page.request.post(`${stack.app.url}/account/password/submit`, {
        form: { csrf: token, current, next: "long enough pw", confirm: "long enough pw" },
        headers: { origin: stack.app.url },
        maxRedirects: 0,
      });
    for (let i = 0; i < 5; i++) expect((await attempt("wrong")).status()).toBe(303);
    const refused = await attempt(person.password);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await refused.text()).toContain("Too many attempts");
  });

  test("a short or common new password is refused with the rule", async ({ page, stack }) => {
    const person = await newPerson(stack);
    await openAccount(page, stack, person);
    await page.goto(`${stack.app.url}/account/password`);
    await page.getByLabel("Current password").fill(person.password);
    // The browser's own minlength check is skipped: the server's answer is what is tested.
    await page.locator("form").evaluate((form) => form.setAttribute("novalidate", ""));
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByLabel("Repeat the new password").fill("short");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("alert")).toHaveText("The new password is too short: it needs at least 12 characters.");
    // The rule of sign-up and reset: a long but common password is refused too.
    await page.getByLabel("Current password").fill(person.password);
    await page.getByLabel("New password", { exact: true }).fill("qwerty123456");
    await page.getByLabel("Repeat the new password").fill("qwerty123456");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("alert")).toHaveText("This password is too common: it is on lists attackers try first. Choose another one.");
  });
});

test.describe("profile", () => {
  test("a saved name and language are in the next ID token, and the page takes the language", async ({ page, stack }) => {
    const person = await newPerson(stack, "Old Name");
    await openAccount(page, stack, person);
    await page.getByLabel("Full name").fill("Ada Lovelace");
    await page.getByLabel("First name").fill("Ada");
    await page.getByLabel("Last name").fill("Lovelace");
    await page.getByLabel("Preferred language").selectOption("de");
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.waitForURL((url) => url.searchParams.get("done") === "profile_saved");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByLabel("Vollständiger Name").or(page.locator("#profile-name"))).toHaveValue("Ada Lovelace");

    const tokens = await connectApp(page, stack, person, stack.client.client_id);
    expect(tokens.id_token_claims).toMatchObject({ name: "Ada Lovelace", given_name: "Ada", family_name: "Lovelace", locale: "de" });
  });
});
