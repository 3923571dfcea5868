import { expect, test } from "../harness/fixtures";
import { linkIn, uniqueEmail } from "./helpers";

// Links last two seconds here, so expiry is seen without waiting an hour.
test.use({ stackOptions: { appEnv: { ALLOW_REGISTRATION: "on", EMAIL_LINK_TTL: "2" } } });

test.describe("self-service links", () => {
  test("an expired reset link gets a clear page", async ({ page, stack }) => {
    test.setTimeout(90_000);
    const email = uniqueEmail("expiry");
    await stack.addUser({ email, password: "a known password 123" });
    await page.goto(`${stack.app.url}/forgot-password`);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send link" }).click();
    const link = linkIn(await stack.mail.waitFor(email), "/reset-password");
    await page.waitForTimeout(2500);
    const response = await page.goto(link);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  });
});
