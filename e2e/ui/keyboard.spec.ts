import { expect, test } from "../harness/fixtures";
import { callbackResult } from "../flows/helpers";
import { expectVisibleFocus, tabTo } from "./helpers";

test("the whole flow works with the keyboard alone, with a visible focus", async ({ page, stack }) => {
  const client = await stack.addClient();
  await page.goto(stack.rp.startUrl({ client_id: client.client_id, scope: "openid email profile" }));

  await tabTo(page, "#email");
  await expectVisibleFocus(page, "#email");
  await page.keyboard.type(stack.user.email);
  await tabTo(page, "#password");
  await page.keyboard.type(stack.user.password);
  await tabTo(page, "#remember");
  await expectVisibleFocus(page, "#remember");
  await page.keyboard.press("Space");
  await tabTo(page, "#accept");
  await expectVisibleFocus(page, "#accept");
  await page.keyboard.press("Enter");

  await expect(page.locator("#profile")).toBeVisible();
  await tabTo(page, "#profile");
  await expectVisibleFocus(page, "#profile");
  await page.keyboard.press("Space");
  await expect(page.locator("#profile")).not.toBeChecked();
  await tabTo(page, "#accept");
  await page.keyboard.press("Enter");

  expect((await callbackResult(page, stack)).result).toBe("success");
  expect(stack.rp.lastTokens?.scope?.split(" ").sort()).toEqual(["email", "openid"]);

  await page.goto(stack.rp.logoutUrl({ state: "keyboard" }));
  await tabTo(page, "#accept");
  await expectVisibleFocus(page, "#accept");
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.href.startsWith(stack.rp.postLogoutRedirectUri));
});

test("a failed sign-in is announced and tied to its fields", async ({ page, stack }) => {
  await page.goto(stack.rp.startUrl());
  await page.locator("#email").fill(stack.user.email);
  await page.locator("#password").fill("not the password");
  await page.locator("#accept").click();

  // Next's route announcer is an (empty) alert too: ours is the one with the text.
  const alert = page.locator("#login-error");
  await expect(alert).toHaveAttribute("role", "alert");
  await expect(alert).toHaveText("The email address or password is not correct.");
  for (const field of ["#email", "#password"]) {
    await expect(page.locator(field)).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator(field)).toHaveAccessibleDescription("The email address or password is not correct.");
  }
  // "webauthn": the browser offers passkeys in the field's autofill too (PASSKEYS=on, the default).
  await expect(page.locator("#email")).toHaveAttribute("autocomplete", "username webauthn");
  await expect(page.locator("#password")).toHaveAttribute("autocomplete", "current-password");
  await expect(page.getByLabel("Email address")).toHaveCount(1);
  await expect(page.getByLabel("Password")).toHaveCount(1);
});
