import { expect, test } from "../harness/fixtures";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";

// Its own stack, counting in the shared database store, so no other test's failures add up here.
test.use({ stackOptions: { appEnv: { RATE_LIMIT_STORE: "database" } } });

test.describe("brute-force limits", () => {
  test("after five wrong passwords the account answers 429 with Retry-After, then lets the right password in", async ({
    page,
    stack,
  }) => {
    test.setTimeout(90_000);
    await page.goto(stack.rp.startUrl());
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(page, stack, { password: `wrong-${attempt}` });
      await expect(page.locator("#login-error")).toBeVisible();
    }
    const [blocked] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/login/submit")),
      signIn(page, stack, { password: "wrong-6" }),
    ]);
    expect(blocked.status()).toBe(429);
    const retryAfter = Number(blocked.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Too many attempts");

    // Even the right password waits out the delay; afterwards it signs in.
    await page.goBack();
    await page.waitForTimeout(retryAfter * 1000 + 500);
    await page.reload();
    await signIn(page, stack);
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
  });
});
