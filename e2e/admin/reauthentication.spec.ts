import { signIn } from "../flows/helpers";
import { expect, test } from "../harness/fixtures";
import { newAdmin, openConsole } from "./helpers";

// Changes need a sign-in younger than 3 s here (15 min by default).
test.use({ stackOptions: { appEnv: { ADMIN_REAUTH_MAX_AGE: "3" } } });

test("a change after the re-authentication age goes through Hydra's password form again, then back to the page", async ({ page, stack }) => {
  test.setTimeout(60_000);
  const admin = await newAdmin(stack);
  await openConsole(page, stack, admin, "/admin/subjects?q=someone-else");
  await page.waitForTimeout(3_500);
  await page.getByRole("button", { name: "Revoke every login session" }).click();
  // Hydra was asked with max_age: the login form, not a remembered skip.
  await page.waitForURL((url) => url.pathname === "/login");
  await expect(page.locator("#password")).toBeVisible();
  await signIn(page, stack, admin);
  await page.waitForURL((url) => url.pathname === "/admin/subjects");
  // Now fresh: the same change goes through.
  await page.getByRole("button", { name: "Revoke every login session" }).click();
  await expect(page.getByRole("status")).toHaveText("Every login session of this subject is revoked.");
});
