import { totpCode } from "@/lib/second-factor/totp";
import { signIn } from "../flows/helpers";
import { expect, test } from "../harness/fixtures";
import { newPerson, openAccount } from "./helpers";
import { addAuthenticator, withoutPasskeyAutofill } from "./passkey-helpers";

// Changes that add or remove a way to sign in need a sign-in younger than 3 s here (300 s by default).
test.use({ stackOptions: { appEnv: { ACCOUNT_REAUTH_MAX_AGE: "3" } } });

test("adding and removing a passkey after the re-authentication age go through Hydra's password form again, then back", async ({ context, page, stack }) => {
  test.setTimeout(90_000);
  const person = await newPerson(stack);
  // The password form is what Hydra's max_age brings back; a passkey would do too, but autofill would answer before the test does.
  await withoutPasskeyAutofill(page);
  await addAuthenticator(context, page);
  await openAccount(page, stack, person);
  await page.waitForTimeout(3_500);

  // Reading the list needs no fresh sign-in; adding does.
  await page.goto(`${stack.app.url}/account/passkeys`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Passkeys");
  await page.getByRole("link", { name: "Add a passkey" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await signIn(page, stack, person);
  await page.waitForURL((url) => url.pathname === "/account/passkeys/new");
  await page.getByLabel("Name of the passkey").fill("Fresh");
  await page.getByRole("button", { name: "Create passkey" }).click();
  await expect(page.getByRole("status")).toHaveText("Your passkey is added. You can now sign in with it.");

  // A removal confirmed after the age: the post is sent through Hydra first, then back to the confirmation.
  await page.getByRole("link", { name: "Remove “Fresh”" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Remove this passkey?");
  await page.waitForTimeout(3_500);
  await page.getByRole("button", { name: "Remove passkey" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await expect(page.locator("#password")).toBeVisible();
  await signIn(page, stack, person);
  await page.waitForURL((url) => url.pathname === "/account/passkeys/remove");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Remove this passkey?");
  await page.getByRole("button", { name: "Remove passkey" }).click();
  await expect(page.getByRole("status")).toHaveText("The passkey is removed. It no longer signs you in.");
});

test("removing or replacing the authenticator app after the re-authentication age is sent through a fresh sign-in first, and nothing changes", async ({ page, stack }) => {
  test.setTimeout(60_000);
  const person = await newPerson(stack);
  await withoutPasskeyAutofill(page);
  await openAccount(page, stack, person);
  await page.goto(`${stack.app.url}/account/two-factor`);
  const key = ((await page.locator("#totp-key").textContent()) ?? "").replace(/ /g, "");
  await page.getByLabel("Code shown by the app").fill(totpCode(key, Date.now()));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Save your recovery codes");
  await page.goto(`${stack.app.url}/account`);
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  await page.waitForTimeout(3_500);

  for (const [path, back] of [
    ["/account/two-factor/remove", "/account/two-factor/remove"],
    ["/account/two-factor/replace", "/account/two-factor"],
  ] as const) {
    const answer = await page.request.post(`${stack.app.url}${path}`, { form: { csrf }, headers: { origin: stack.app.url }, maxRedirects: 0 });
    expect(answer.status(), path).toBe(303);
    expect(answer.headers().location, path).toBe(`${stack.app.url}/account/reauthenticate?to=${encodeURIComponent(back)}`);
  }
  // The confirmation page itself asks first: Hydra's login form, with max_age.
  await page.goto(`${stack.app.url}/account/two-factor/remove`);
  await page.waitForURL((url) => url.pathname === "/login");
  await expect(page.locator("#password")).toBeVisible();
  // Reading needs no fresh sign-in, and the app is still set up.
  await page.goto(`${stack.app.url}/account`);
  await expect(page.getByRole("region", { name: "Two-step sign-in" })).toContainText("An authenticator app is set up.");
});
