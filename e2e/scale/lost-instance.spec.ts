// Three app instances behind nginx on PostgreSQL, one of which goes away in the middle of a flow.
import { allowConsent, callbackResult, signIn } from "../flows/helpers";
import { expect, test } from "../harness/fixtures";
import { type Stack, startStack } from "../harness/stack";

// A stack of its own: this file stops an instance, and no other file may inherit that.
let stack: Stack;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  stack = await startStack({ database: "postgres", instances: 3 });
});
test.afterAll(async () => stack?.stop());

test("an instance that stops in the middle of a flow costs no flow: nginx sends its requests to the others", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(stack.rp.startUrl({ scope: "openid email" }));
  await expect(page.locator("#email")).toBeVisible();

  // The form was rendered by one instance; whichever answers the post, the flow cookie and the
  // CSRF token (one session secret) and the account (one database) are the same.
  await stack.instances[0]!.stop();
  await signIn(page, stack);
  await allowConsent(page);
  expect((await callbackResult(page, stack)).result).toBe("success");

  for (let flow = 0; flow < 3; flow++) {
    stack.rp.reset();
    await page.goto(stack.rp.startUrl({ scope: "openid email", prompt: "login" }));
    await signIn(page, stack);
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result, `flow ${flow + 2}`).toBe("success");
  }
});
