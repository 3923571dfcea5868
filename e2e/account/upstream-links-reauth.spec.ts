import { openAccountThroughCorp, testWithUpstream } from "../flows/upstream-helpers";
import { expect } from "../harness/fixtures";
import type { UpstreamUser } from "../harness/upstream";

const user: UpstreamUser = { email: "stale@upstream.test", password: "upstream stale password" };

// Every sign-in is too old for a change after a second.
const test = testWithUpstream([user], { ACCOUNT_REAUTH_MAX_AGE: "1" });

test("a first password and unlinking a provider need a recent sign-in; an old one is sent to sign in again first", async ({ page, stack }) => {
  test.setTimeout(90_000);
  await openAccountThroughCorp(page, stack, user);
  await page.goto(`${stack.app.url}/account/providers`);
  const unlink = await page.getByRole("link", { name: "Unlink “Corp ID”" }).getAttribute("href");
  const subject = new URL(unlink!, stack.app.url).searchParams.get("subject")!;
  await page.goto(`${stack.app.url}/account`);
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  await page.waitForTimeout(1_500);

  const post = (path: string, form: Record<string, string>) => page.request.post(`${stack.app.url}${path}`, { form, headers: { origin: stack.app.url }, maxRedirects: 0 });
  const set = await post("/account/password/set", { csrf, next: "a password set too late", confirm: "a password set too late" });
  expect(set.status()).toBe(303);
  expect(set.headers().location).toBe(`${stack.app.url}/account/reauthenticate?to=${encodeURIComponent("/account/password")}`);
  const removal = await post("/account/providers/remove", { csrf, provider: "corp", subject });
  expect(removal.status()).toBe(303);
  expect(removal.headers().location).toMatch(new RegExp(`^${stack.app.url}/account/reauthenticate\\?to=`));

  // The pages themselves go through the sign-in at Hydra first; the account's own page does not.
  await page.goto(`${stack.app.url}/account/password`);
  await page.waitForURL((url) => url.pathname === "/login");
  await expect(page.locator("#upstream-corp")).toBeVisible();
  await page.goto(`${stack.app.url}/account`);
  await expect(page.getByRole("link", { name: "Set a password" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Sign-in providers" })).toContainText("1 sign-in provider is linked to your account.");
});
