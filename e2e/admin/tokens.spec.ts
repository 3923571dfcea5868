import { readFile } from "node:fs/promises";
import { connectApp, newPerson } from "../account/helpers";
import { expect, test } from "../harness/fixtures";
import { expectNoAxeViolations } from "../ui/helpers";
import { newAdmin, openConsole } from "./helpers";

test.describe("token introspection in the console", () => {
  test("an active token shows its client, subject and scopes; a garbage one is inactive; neither reaches a URL or the log", async ({ page, stack, browser }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack, "Token Holder");
    const personContext = await browser.newContext();
    const tokens = await connectApp(await personContext.newPage(), stack, person, stack.client.client_id);
    await personContext.close();
    const accessToken = tokens.access_token!;

    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/tokens");
    await page.getByLabel("Token", { exact: true }).fill(accessToken);
    const answered = page.waitForResponse((response) => response.url().endsWith("/admin/tokens/introspect"));
    await page.getByRole("button", { name: "Introspect" }).click();
    expect((await answered).status()).toBe(200);
    await expect(page.locator("#token-active")).toHaveText("Active: Hydra accepts this token.");
    const facts = page.locator("dl.facts");
    await expect(facts).toContainText(stack.client.client_id);
    await expect(facts).toContainText(String(tokens.id_token_claims?.sub));
    await expect(facts).toContainText("openid");
    await expect(facts).toContainText("access_token");
    await expect(page.getByText("This token is not a JWT")).toBeVisible();
    expect(page.url()).not.toContain(accessToken);
    // The pasted token is not written back into the form.
    await expect(page.getByLabel("Token", { exact: true })).toHaveValue("");

    await page.getByLabel("Token", { exact: true }).fill("not-a-token-at-all");
    await page.getByRole("button", { name: "Introspect" }).click();
    await expect(page.locator("#token-active")).toHaveText(/^Inactive/);
    await expectNoAxeViolations(page, "the tokens page with a result");

    // With a required scope it was not granted, the same token is inactive.
    await page.getByLabel("Token", { exact: true }).fill(accessToken);
    await page.getByLabel("Required scopes (optional)").fill("openid not-granted");
    await page.getByRole("button", { name: "Introspect" }).click();
    await expect(page.locator("#token-active")).toHaveText(/^Inactive/);

    const log = (await Promise.all(stack.instances.map((instance) => readFile(instance.logFile, "utf8")))).join("\n");
    expect(log).toContain("admin_submit");
    expect(log).not.toContain(accessToken);
    expect(log).not.toContain("not-a-token-at-all");
  });

  test("a JWT shows its decoded header and payload, decoded and not verified", async ({ page, stack, browser }) => {
    test.setTimeout(90_000);
    const jwtClient = await stack.addClient({ access_token_strategy: "jwt" });
    const person = await newPerson(stack);
    const personContext = await browser.newContext();
    const tokens = await connectApp(await personContext.newPage(), stack, person, jwtClient.client_id);
    await personContext.close();
    expect(tokens.access_token!.split(".")).toHaveLength(3);

    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/tokens");
    await page.getByLabel("Token", { exact: true }).fill(tokens.access_token!);
    await page.getByRole("button", { name: "Introspect" }).click();
    await expect(page.locator("#token-active")).toHaveText(/^Active/);
    await expect(page.getByText("Decoded, not verified")).toBeVisible();
    await expect(page.locator("#jwt-header")).toContainText('"alg": "RS256"');
    await expect(page.locator("#jwt-payload")).toContainText(`"client_id": "${jwtClient.client_id}"`);
    await expect(page.locator("#jwt-payload")).toContainText(`"iss": "${stack.hydra.issuer}"`);

    // An ID token is no token Hydra introspects, but it still decodes.
    await page.getByLabel("Token", { exact: true }).fill(tokens.id_token!);
    await page.getByRole("button", { name: "Introspect" }).click();
    await expect(page.locator("#token-active")).toHaveText(/^Inactive/);
    await expect(page.locator("#jwt-payload")).toContainText(`"aud": [\n    "${jwtClient.client_id}"`);
    await expectNoAxeViolations(page, "the tokens page with a decoded JWT");
  });

  test("an empty or oversized token is a field error, answered 422", async ({ page, stack }) => {
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/tokens");
    await expectNoAxeViolations(page, "the tokens page");
    let answered = page.waitForResponse((response) => response.url().endsWith("/admin/tokens/introspect"));
    await page.getByRole("button", { name: "Introspect" }).click();
    expect((await answered).status()).toBe(422);
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page.locator("#f-token-error")).toHaveText("Paste a token.");
    await expect(page.getByLabel("Token", { exact: true })).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("Token", { exact: true }).fill("x".repeat(9000));
    answered = page.waitForResponse((response) => response.url().endsWith("/admin/tokens/introspect"));
    await page.getByRole("button", { name: "Introspect" }).click();
    expect((await answered).status()).toBe(422);
    await expect(page.locator("#f-token-error")).toContainText("longer than any token");
  });
});
