import type { BrowserContext, Page } from "@playwright/test";
import { expect } from "../harness/fixtures";
import type { Stack } from "../harness/stack";

/**
 * Chromium's virtual authenticator (CDP WebAuthn domain): a platform
 * authenticator that keeps discoverable credentials, verifies the user and
 * answers without a prompt. Its credentials are device-bound (no backup
 * eligibility), so the ID token says "hwk".
 */
export async function addAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return { credentials: async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials };
}

/** Adds a passkey named `name` on the account page (signed in, with a recent enough sign-in) and ends on the list. */
export async function addPasskey(page: Page, stack: Stack, name: string) {
  await page.goto(`${stack.app.url}/account/passkeys/new`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a passkey");
  await page.getByLabel("Name of the passkey").fill(name);
  await page.getByRole("button", { name: "Create passkey" }).click();
  await page.waitForURL((url) => url.pathname === "/account/passkeys" && url.search === "?done=added");
  await expect(page.getByRole("status")).toHaveText("Your passkey is added. You can now sign in with it.");
  await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
}

/**
 * The virtual authenticator answers a conditional (autofill) request at once,
 * as if the person had picked the passkey in the email field's suggestions.
 * Tests of the button, or of the password, turn autofill off in the page first.
 */
export async function withoutPasskeyAutofill(page: Page) {
  await page.addInitScript(() => {
    if (window.PublicKeyCredential) window.PublicKeyCredential.isConditionalMediationAvailable = async () => false;
  });
}
