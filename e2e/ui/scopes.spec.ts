import { expect, test } from "../harness/fixtures";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";

const catalogue = {
  scopes: {
    openid: { required: true },
    offline_access: { hidden: true },
    phone: { sensitive: true, title: { en: "Your phone number", de: "Ihre Telefonnummer" } },
  },
};

test.use({ stackOptions: { appEnv: { SCOPE_CATALOGUE: JSON.stringify(catalogue) } } });

test.describe("scope catalogue", () => {
  test("required scopes are locked and granted even when the form drops them; hidden ones are granted unseen", async ({ page, stack }) => {
    const client = await stack.addClient({ scope: "openid offline_access email phone custom:thing" });
    await page.goto(stack.rp.startUrl({ client_id: client.client_id, scope: "openid offline_access email phone custom:thing" }));
    await signIn(page, stack);

    await expect(page.locator("#openid")).toBeChecked();
    await expect(page.locator("#openid")).toBeDisabled();
    await expect(page.locator('[id="offline_access"]')).toHaveCount(0);
    await expect(page.locator(".scope.sensitive")).toContainText("Sensitive");
    // An unknown scope is shown by its name, with its own checkbox.
    await expect(page.getByLabel("custom:thing")).toBeChecked();

    // A tampered form that leaves openid out still gets it: the server, not the form, decides.
    await page.locator("#openid").evaluate((el: HTMLInputElement) => {
      el.disabled = false;
      el.checked = false;
    });
    await allowConsent(page, { untick: ["phone", "custom:thing"] });
    expect((await callbackResult(page, stack)).result).toBe("success");
    expect(stack.rp.lastTokens?.scope?.split(" ").sort()).toEqual(["email", "offline_access", "openid"]);
  });

  test("scopes granted before are shown apart from new ones", async ({ page, stack }) => {
    const client = await stack.addClient();
    await page.goto(stack.rp.startUrl({ client_id: client.client_id, scope: "openid email" }));
    await signIn(page, stack, { remember: true });
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");

    stack.rp.reset();
    await page.goto(stack.rp.startUrl({ client_id: client.client_id, scope: "openid email profile" }));
    const already = page.getByRole("group", { name: /Already shared/ });
    const fresh = page.getByRole("group", { name: /^New/ });
    await expect(already.locator("#email")).toBeVisible();
    await expect(already.locator("#openid")).toBeVisible();
    await expect(fresh.locator("#profile")).toBeVisible();
    await expect(fresh.locator("#email")).toHaveCount(0);
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
  });
});
