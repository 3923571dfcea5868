import { totpCode } from "@/lib/second-factor/totp";
import { newPerson } from "../account/helpers";
import { expect, test } from "../harness/fixtures";
import { allowConsent, callbackResult, signIn } from "./helpers";

test.use({ stackOptions: { appEnv: { REQUIRE_SECOND_FACTOR: "all" } } });

test("with REQUIRE_SECOND_FACTOR=all, an account without a second factor sets up the app at its next sign-in and reaches acr 2", async ({ page, stack }) => {
  const person = await newPerson(stack);
  stack.rp.reset();
  await page.goto(stack.rp.startUrl());
  await signIn(page, stack, person);
  await page.waitForURL((url) => url.pathname === "/login/second-factor");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up two-step sign-in");
  await expect(page.getByRole("img", { name: "QR code to scan with your authenticator app" })).toBeVisible();
  const key = ((await page.locator("#totp-key").textContent()) ?? "").replace(/ /g, "");
  await page.locator("#code").fill(totpCode(key, Date.now()));
  await page.locator("#accept").click();
  await allowConsent(page);
  expect(await callbackResult(page, stack)).toMatchObject({ result: "success" });
  expect(stack.rp.lastTokens!.id_token_claims).toMatchObject({ acr: "2", amr: ["pwd", "otp", "mfa"] });

  // From now on the code is asked after the password, as for any account with the app.
  const context = await page.context().browser()!.newContext();
  const next = await context.newPage();
  await next.goto(stack.rp.startUrl());
  await signIn(next, stack, person);
  await next.waitForURL((url) => url.pathname === "/login/second-factor");
  await expect(next.getByRole("heading", { level: 1 })).toHaveText("Two-step sign-in");
  await context.close();
});
