import { readFile } from "node:fs/promises";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";
import { expect, test } from "../harness/fixtures";
import { newPerson, openAccount } from "./helpers";

const refusedWarning = "the account client could not be registered";

// The app's admin calls go through a proxy that refuses client registration until told otherwise.
test.use({ stackOptions: { countAdminCalls: true, refuseAdminPaths: ["/admin/clients"] } });

test.describe("the account page's client, when Hydra refuses to register it", () => {
  test("the flows go on, the account page says it is not available, and it works once Hydra accepts", async ({ page, stack }) => {
    test.setTimeout(90_000);
    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    await signIn(page, stack);
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");

    const answer = await page.goto(`${stack.app.url}/account`);
    expect(answer!.status()).toBe(503);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is not available right now");
    await expect(page.getByText("Signing in to apps still works.", { exact: false })).toBeVisible();
    expect(stack.adminCalls!.calls().some((call) => call.path.startsWith("/admin/clients"))).toBe(true);
    expect(await readFile(stack.app.logFile, "utf8")).toContain(refusedWarning);

    stack.adminCalls!.refuse([]);
    // It tries again after a pause (10 s), never on every request.
    await expect
      .poll(async () => (await page.request.get(`${stack.app.url}/account`, { maxRedirects: 0 })).status(), { timeout: 30_000, intervals: [1_000] })
      .not.toBe(503);
    await openAccount(page, stack, await newPerson(stack));
  });
});
