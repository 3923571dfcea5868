import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import type { Person } from "../account/helpers";
import { allowConsent, signIn } from "../flows/helpers";
import { createClient } from "../harness/clients";
import { expect, test } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import { expectNoAxeViolations } from "../ui/helpers";
import { newAdmin, openConsole } from "./helpers";

/** A client the playground can try: its callback and signed-out page registered, confidential or public. */
async function playgroundClient(stack: Stack, kind: "confidential" | "public", registered = true) {
  const secret = randomBytes(24).toString("base64url");
  const client = await createClient(stack.hydra.adminUrl, {
    client_id: `playground-${kind}-${randomBytes(4).toString("hex")}`,
    client_name: `Playground ${kind}`,
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    scope: "openid offline_access email profile",
    redirect_uris: registered ? [`${stack.app.url}/admin/playground/callback`] : ["https://elsewhere.example.com/cb"],
    // Hydra wants each post-logout URI on the origin of a redirect URI (client/validator.go).
    post_logout_redirect_uris: registered ? [`${stack.app.url}/admin/playground/signed-out`] : ["https://elsewhere.example.com/signed-out"],
    ...(kind === "confidential" ? { client_secret: secret, token_endpoint_auth_method: "client_secret_basic" as const } : { token_endpoint_auth_method: "none" as const }),
  });
  return { id: client.client_id, secret: kind === "confidential" ? secret : undefined };
}

/** Every page the browser shows during a test: none may ever carry the client's secret. */
function pagesSeen(page: Page) {
  const seen: string[] = [];
  return {
    record: async () => void seen.push(await page.content()),
    expectNone: (secret: string) => {
      for (const html of seen) expect(html).not.toContain(secret);
    },
  };
}

async function startFlow(page: Page, stack: Stack, admin: Person, client: { id: string; secret?: string }, scope = "openid offline_access email") {
  await page.getByLabel("Client", { exact: true }).selectOption(client.id);
  await page.getByLabel("Scopes", { exact: true }).fill(scope);
  if (client.secret) await page.getByLabel("Client secret").fill(client.secret);
  await page.getByRole("button", { name: "Start the flow" }).click();
  await page.waitForURL((url) => ["/login", "/consent", "/admin/playground/callback"].includes(url.pathname));
  if (new URL(page.url()).pathname === "/login") await signIn(page, stack, { ...admin, remember: true });
  await page.waitForURL((url) => url.pathname === "/consent" || url.pathname === "/admin/playground/callback");
}

const accessTokenText = (page: Page) => page.locator("#access-token").textContent();

test.describe("the client playground", () => {
  test("a confidential client: sign in, tokens decoded, refresh, introspect, revoke, end the session; its secret is on no page", async ({ page, stack }) => {
    test.setTimeout(120_000);
    const client = await playgroundClient(stack, "confidential");
    const admin = await newAdmin(stack);
    const seen = pagesSeen(page);
    await openConsole(page, stack, admin, "/admin/playground");
    await expect(page.locator("#callback-uri")).toHaveText(`${stack.app.url}/admin/playground/callback`);
    await expectNoAxeViolations(page, "the playground's start page");

    await startFlow(page, stack, admin, client);
    await seen.record();
    const cookie = (await page.context().cookies()).find((c) => c.name === "provider-playground");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/admin/playground" });
    expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(600_000);
    expect(cookie!.value).not.toContain(client.secret!);
    if (new URL(page.url()).pathname === "/consent") await allowConsent(page);
    await page.waitForURL((url) => url.pathname === "/admin/playground/callback");
    await expect(page.getByRole("status")).toHaveText("Hydra exchanged the code for these tokens.");
    // A reload must not redeem the code again (Hydra would revoke its tokens): the flow is spent.
    const callbackUrl = page.url();
    await expect(page.locator("#id-token-jwt-payload")).toContainText(`"aud": [\n    "${client.id}"`);
    await expect(page.locator("#id-token-jwt-payload")).toContainText('"nonce"');
    await expect(page.locator("#refresh-token")).not.toBeEmpty();
    expect(page.url()).not.toContain("access_token");
    await seen.record();
    await expectNoAxeViolations(page, "the playground's tokens page");

    const first = await accessTokenText(page);
    const reloaded = await page.context().newPage();
    await reloaded.goto(callbackUrl);
    await expect(reloaded.getByRole("alert")).toContainText("no flow waiting");
    await reloaded.close();
    expect((await stack.rp.introspect(first!)).active).toBe(true);
    await page.getByRole("button", { name: "Refresh the tokens" }).click();
    await expect(page.getByRole("status")).toHaveText("Hydra issued new tokens; the previous refresh token is spent.");
    expect(await accessTokenText(page)).not.toBe(first);
    await seen.record();

    await page.getByRole("button", { name: "Introspect the access token" }).click();
    await expect(page.locator("#introspection-active")).toHaveText(/^Active/);
    await expect(page.locator("section[aria-labelledby=introspection-title] dl.facts")).toContainText(client.id);
    await seen.record();
    await expectNoAxeViolations(page, "the playground's introspection");

    await page.getByRole("button", { name: "Revoke the access token" }).click();
    await expect(page.getByRole("status")).toContainText("The access token is revoked");
    await page.getByRole("button", { name: "Introspect the access token" }).click();
    await expect(page.locator("#introspection-active")).toHaveText(/^Inactive/);
    // Hydra revokes every token of the grant, whichever one was named (fosite handler/oauth2/revocation.go, RevokeToken).
    await page.getByRole("button", { name: "Introspect the refresh token" }).click();
    await expect(page.locator("#introspection-active")).toHaveText(/^Inactive/);
    await seen.record();

    await page.getByRole("button", { name: "End the session at Hydra" }).click();
    await page.waitForURL((url) => url.pathname === "/logout" || url.pathname === "/admin/playground/signed-out");
    if (new URL(page.url()).pathname === "/logout") await page.locator("#accept").click();
    await page.waitForURL((url) => url.pathname === "/admin/playground/signed-out");
    await expect(page.getByRole("status")).toHaveText("Hydra ended the session, and sent you back here.");
    await seen.record();
    await expectNoAxeViolations(page, "the playground's signed-out page");
    seen.expectNone(client.secret!);

    await page.goto(`${stack.app.url}/admin/audit`);
    await expect(page.getByRole("row").filter({ hasText: "oauth2_token.revoke" }).first()).toContainText(client.id);
  });

  test("a public client: no secret, PKCE alone; revoking the refresh token ends the access token too", async ({ page, stack }) => {
    test.setTimeout(120_000);
    const client = await playgroundClient(stack, "public");
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/playground");
    await startFlow(page, stack, admin, client);
    if (new URL(page.url()).pathname === "/consent") await allowConsent(page);
    await page.waitForURL((url) => url.pathname === "/admin/playground/callback");
    await expect(page.getByRole("status")).toHaveText("Hydra exchanged the code for these tokens.");

    await page.getByRole("button", { name: "Refresh the tokens" }).click();
    await expect(page.getByRole("status")).toHaveText("Hydra issued new tokens; the previous refresh token is spent.");
    await page.getByRole("button", { name: "Revoke the refresh token" }).click();
    await expect(page.getByRole("status")).toContainText("The refresh token is revoked");
    await page.getByRole("button", { name: "Introspect the refresh token" }).click();
    await expect(page.locator("#introspection-active")).toHaveText(/^Inactive/);
    await page.getByRole("button", { name: "Introspect the access token" }).click();
    await expect(page.locator("#introspection-active")).toHaveText(/^Inactive/);
    // A revoked refresh token cannot be used again: Hydra's refusal is shown in its words.
    await page.getByRole("button", { name: "Refresh the tokens" }).click();
    await expect(page.getByRole("alert")).toContainText("Hydra refused this:");
  });

  test("a client without the playground's callback, or without its secret, is refused with field errors", async ({ page, stack }) => {
    const unregistered = await playgroundClient(stack, "confidential", false);
    const confidential = await playgroundClient(stack, "confidential");
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/playground");

    await page.getByLabel("Client", { exact: true }).selectOption(unregistered.id);
    await page.getByLabel("Client secret").fill(unregistered.secret!);
    let answered = page.waitForResponse((response) => response.url().endsWith("/admin/playground/start"));
    await page.getByRole("button", { name: "Start the flow" }).click();
    expect((await answered).status()).toBe(422);
    await expect(page.locator("#f-client-error")).toHaveText(`Add ${stack.app.url}/admin/playground/callback to this client's redirect URIs first: Hydra refuses any other.`);
    await expect(page.getByLabel("Client", { exact: true })).toHaveValue(unregistered.id);
    expect(await page.content()).not.toContain(unregistered.secret!);
    await expectNoAxeViolations(page, "the playground's refused start form");

    await page.getByLabel("Client", { exact: true }).selectOption(confidential.id);
    answered = page.waitForResponse((response) => response.url().endsWith("/admin/playground/start"));
    await page.getByRole("button", { name: "Start the flow" }).click();
    expect((await answered).status()).toBe(422);
    await expect(page.locator("#f-client_secret-error")).toHaveText("This client is confidential: enter its secret.");
  });

  test("a denied consent comes back as Hydra's error, in words; a forged state is refused", async ({ page, stack }) => {
    test.setTimeout(90_000);
    const client = await playgroundClient(stack, "public");
    const admin = await newAdmin(stack);
    await openConsole(page, stack, admin, "/admin/playground");
    await startFlow(page, stack, admin, client);
    await page.waitForURL((url) => url.pathname === "/consent");
    await page.locator("#reject").click();
    await page.waitForURL((url) => url.pathname === "/admin/playground/callback");
    await expect(page.getByRole("alert")).toHaveText("Hydra ended the flow with an error.");
    await expect(page.locator("#hydra-error")).toHaveText("access_denied");
    await expect(page.locator("#hydra-description")).not.toBeEmpty();
    await expectNoAxeViolations(page, "the playground's error page");

    await page.goto(`${stack.app.url}/admin/playground/callback?code=forged&state=forged`);
    await expect(page.getByRole("alert")).toContainText(/no flow waiting|does not match/);
  });
});
