import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { connectApp, newPerson } from "../account/helpers";
import { createClient, getClient } from "../harness/clients";
import { expect, test } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import { expectNoAxeViolations } from "../ui/helpers";
import { newAdmin, openConsole } from "./helpers";

/** A client of its own for each test, so tests sharing a stack never see each other's changes. */
function newClient(stack: Stack, name: string) {
  return createClient(stack.hydra.adminUrl, {
    client_id: `patch-${randomBytes(5).toString("hex")}`,
    client_name: name,
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    scope: "openid offline_access",
    redirect_uris: ["https://app.example/callback"],
    token_endpoint_auth_method: "client_secret_basic",
  });
}

/** Clicks a form's button and returns the status of the page it answers with. */
async function submitStatus(page: Page, button: string): Promise<number> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: button }).click()]);
  await page.waitForLoadState();
  return response.status();
}

const patchField = (page: Page) => page.getByLabel("Patch (a JSON array of operations)");

test.describe("a client changed by JSON Patch", () => {
  test("a patch renaming the client and adding a redirect URI is previewed, then applied at Hydra and recorded", async ({ page, stack }) => {
    const client = await newClient(stack, "Before patch");
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, `/admin/clients/patch?id=${client.client_id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("JSON Patch for Before patch");
    await expect(page.getByRole("region", { name: "The client now" })).toContainText('"client_name": "Before patch"');
    await expectNoAxeViolations(page, "client patch");

    await patchField(page).fill(
      JSON.stringify([
        { op: "replace", path: "/client_name", value: "After patch" },
        { op: "add", path: "/redirect_uris/-", value: "https://app.example/second" },
      ]),
    );
    expect(await submitStatus(page, "Preview")).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check the patch for Before patch");
    const changes = page.getByRole("region", { name: "What changes" }).getByRole("row");
    await expect(changes.filter({ hasText: "client_name" })).toContainText(/Before patch\s*After patch/);
    await expect(changes.filter({ hasText: "redirect_uris" })).toContainText("https://app.example/second");
    await expect(page.getByRole("region", { name: "The client after the patch" })).toContainText('"client_name": "After patch"');
    await expectNoAxeViolations(page, "client patch preview");
    expect((await getClient(stack.hydra.adminUrl, client.client_id))?.client_name).toBe("Before patch");

    await page.getByRole("button", { name: "Apply the patch" }).click();
    await page.waitForURL((url) => url.pathname === "/admin/clients/view" && url.searchParams.get("id") === client.client_id && url.searchParams.get("done") === "patched");
    expect(await getClient(stack.hydra.adminUrl, client.client_id)).toMatchObject({
      client_name: "After patch",
      redirect_uris: ["https://app.example/callback", "https://app.example/second"],
    });

    await page.goto(`${stack.app.url}/admin/audit`);
    const entry = page.getByRole("row").filter({ hasText: "client.patch" }).filter({ hasText: client.client_id });
    await expect(entry).toContainText(admin.email);
    await expect(entry).toContainText("After patch");
  });

  test("a patch touching the secret, invalid JSON, a tampered confirmation and Hydra's own refusal are each refused in words, with the patch kept", async ({ page, stack }) => {
    const client = await newClient(stack, "Guarded");
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, `/admin/clients/patch?id=${client.client_id}`);

    await patchField(page).fill('[{"op": "replace", "path": "/client_secret", "value": "a-secret-of-my-own-that-is-long-enough"}]');
    expect(await submitStatus(page, "Preview")).toBe(422);
    await expect(page.getByRole("alert")).toHaveText("This patch cannot be applied; the reason is shown under it.");
    await expect(page.getByText("A patch may not touch client_secret.")).toBeVisible();
    await expect(patchField(page)).toHaveValue(/client_secret/);

    await patchField(page).fill('[{"op": "replace", "path": "/client_name"');
    expect(await submitStatus(page, "Preview")).toBe(422);
    await expect(page.getByText("This is not valid JSON.")).toBeVisible();
    await expect(patchField(page)).toHaveValue('[{"op": "replace", "path": "/client_name"');
    await expect(patchField(page)).toHaveAttribute("aria-invalid", "true");

    // The confirmation's hidden field is the browser's: the submit checks the patch again.
    await patchField(page).fill('[{"op": "replace", "path": "/client_name", "value": "Harmless"}]');
    expect(await submitStatus(page, "Preview")).toBe(200);
    await page.locator('input[type="hidden"][name="patch"]').evaluate((input: HTMLInputElement) => {
      input.value = '[{"op": "remove", "path": "/client_id"}]';
    });
    expect(await submitStatus(page, "Apply the patch")).toBe(422);
    await expect(page.getByText("A patch may not touch client_id.")).toBeVisible();
    expect((await getClient(stack.hydra.adminUrl, client.client_id))?.client_name).toBe("Guarded");

    // Hydra validates the patched client (client/validator.go): a redirect URI with a fragment.
    const refusedByHydra = '[{"op": "add", "path": "/redirect_uris/-", "value": "https://app.example/callback#part"}]';
    await patchField(page).fill(refusedByHydra);
    expect(await submitStatus(page, "Preview")).toBe(200);
    expect(await submitStatus(page, "Apply the patch")).toBe(422);
    await expect(page.getByRole("alert")).toContainText(/^Hydra refused this: .*fragment/i);
    await expect(patchField(page)).toHaveValue(refusedByHydra);
    expect((await getClient(stack.hydra.adminUrl, client.client_id))?.redirect_uris).toEqual(["https://app.example/callback"]);
  });

  test("a client that does not exist has no patch or lifespans page", async ({ page, stack }) => {
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin");
    for (const path of ["/admin/clients/patch?id=no-such-client", "/admin/clients/lifespans?id=no-such-client", "/admin/clients/patch"]) {
      const response = await page.goto(`${stack.app.url}${path}`);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("alert")).toHaveText("There is no client with this id.");
    }
  });
});

test.describe("a client's token lifespans", () => {
  test("access tokens set to 15 minutes and refresh tokens to 30 days reach Hydra and the next token; too long a value is refused", async ({ page, stack, browser }) => {
    test.setTimeout(90_000);
    const client = await stack.addClient({ client_name: "Short-lived" });
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, `/admin/clients/lifespans?id=${client.client_id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Token lifespans of Short-lived");
    await expectNoAxeViolations(page, "client lifespans");

    const code = page.getByRole("group", { name: "Authorization code flow" });
    await code.getByLabel("Access token", { exact: true }).fill("15");
    await code.getByLabel("Access token: unit").selectOption({ label: "minutes" });
    await code.getByLabel("Refresh token", { exact: true }).fill("30");
    await code.getByLabel("Refresh token: unit").selectOption({ label: "days" });
    await page.getByRole("button", { name: "Save lifespans" }).click();
    await page.waitForURL((url) => url.pathname === "/admin/clients/view" && url.searchParams.get("done") === "lifespans_saved");
    const stored = await getClient(stack.hydra.adminUrl, client.client_id);
    // Go's time.Duration.String(), which Hydra writes back.
    expect(stored).toMatchObject({ authorization_code_grant_access_token_lifespan: "15m0s", authorization_code_grant_refresh_token_lifespan: "720h0m0s" });
    expect(stored?.authorization_code_grant_id_token_lifespan ?? null).toBeNull();

    await openConsole(page, stack, admin, `/admin/clients/lifespans?id=${client.client_id}`);
    await expect(code.getByLabel("Access token", { exact: true })).toHaveValue("15");
    await expect(code.getByLabel("Access token: unit")).toHaveValue("m");
    await expect(code.getByLabel("Refresh token", { exact: true })).toHaveValue("30");
    await expect(code.getByLabel("Refresh token: unit")).toHaveValue("d");

    await code.getByLabel("Refresh token", { exact: true }).fill("1000");
    expect(await submitStatus(page, "Save lifespans")).toBe(422);
    await expect(page.getByRole("alert")).toHaveText("1 field needs your attention.");
    await expect(code.getByText("Too long: at most 30 days for access and ID tokens, 720 days for refresh tokens.")).toBeVisible();
    await expect(code.getByLabel("Refresh token", { exact: true })).toHaveValue("1000");
    await expect(code.getByLabel("Refresh token", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(code.getByLabel("Refresh token: unit")).toHaveValue("d");
    await expect(code.getByLabel("Access token", { exact: true })).toHaveValue("15");
    await expectNoAxeViolations(page, "client lifespans refused");
    expect((await getClient(stack.hydra.adminUrl, client.client_id))?.authorization_code_grant_refresh_token_lifespan).toBe("720h0m0s");

    await page.goto(`${stack.app.url}/admin/audit`);
    await expect(page.getByRole("row").filter({ hasText: "client.lifespans" }).filter({ hasText: client.client_id })).toContainText("15m0s");

    const personContext = await browser.newContext();
    const tokens = await connectApp(await personContext.newPage(), stack, await newPerson(stack), client.client_id);
    await personContext.close();
    expect(tokens.expires_in).toBeGreaterThan(890);
    expect(tokens.expires_in).toBeLessThanOrEqual(900);
  });
});
