import type { BrowserContext, Page } from "@playwright/test";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";
import { expect, test } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import { expectNoAxeViolations, tabTo } from "../ui/helpers";
import { newPerson, openAccount } from "./helpers";
import { addAuthenticator, addPasskey, withoutPasskeyAutofill } from "./passkey-helpers";

/** Signed out everywhere in this browser (the account page's and Hydra's cookies), the authenticator kept. */
async function signOutHere(context: BrowserContext) {
  await context.clearCookies();
}

/** Starts a flow at the relying party and stops on the login form with the passkey button shown. */
async function loginPageOfRp(page: Page, stack: Stack) {
  stack.rp.reset();
  await page.goto(stack.rp.startUrl({ scope: "openid email" }));
  await page.waitForURL((url) => url.pathname === "/login");
  await expect(page.locator("#passkey")).toBeVisible();
}

test.describe("passkeys", () => {
  test("a passkey added on the account page signs in at a relying party as the only step, by keyboard: acr 2, amr hwk and user", async ({ context, page, stack }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack);
    await withoutPasskeyAutofill(page);
    const authenticator = await addAuthenticator(context, page);
    await openAccount(page, stack, person);
    await expect(page.getByRole("region", { name: "Passkeys" })).toContainText("You have no passkeys yet.");
    await page.getByRole("link", { name: "Manage passkeys" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Passkeys");
    await addPasskey(page, stack, "Test laptop");
    expect(await authenticator.credentials()).toHaveLength(1);
    await expect(page.getByText("On this device only")).toBeVisible();
    await expect(page.getByText("Not used to sign in yet")).toBeVisible();

    await signOutHere(context);
    await loginPageOfRp(page, stack);
    // Autofill offers passkeys in the email field; the button is the explicit way, after the password's buttons.
    await expect(page.locator("#email")).toHaveAttribute("autocomplete", "username webauthn");
    await tabTo(page, "#passkey");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/consent");
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
    const claims = stack.rp.lastTokens?.id_token_claims;
    expect(claims?.acr).toBe("2");
    expect(claims?.amr).toEqual(["hwk", "user"]);
    expect(claims?.email).toBe(person.email);

    // The account page shows the use (the passkey signs in to it too).
    await page.goto(`${stack.app.url}/account`);
    await page.locator("#passkey").click();
    await page.waitForURL((url) => url.pathname === "/account");
    await page.goto(`${stack.app.url}/account/passkeys`);
    await expect(page.getByText(/^Last used /)).toBeVisible();
  });

  test("autofill signs in on arrival; an assertion made for another origin is refused, and so is the same assertion posted twice", async ({ context, page, stack }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack);
    await addAuthenticator(context, page);
    await openAccount(page, stack, person);
    await addPasskey(page, stack, "Replay target");
    await signOutHere(context);

    // Keep the form the script posts from autofill (the virtual authenticator picks the passkey at once), without letting it through.
    let posted: URLSearchParams | undefined;
    await page.route("**/login/passkey", async (route) => {
      posted = new URLSearchParams(route.request().postData() ?? "");
      await route.abort();
    });
    stack.rp.reset();
    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    await expect.poll(() => posted).toBeDefined();
    const form = posted as URLSearchParams;
    const credential = JSON.parse(form.get("credential") ?? "{}");
    expect(credential.response.clientDataJSON).toBeTruthy();

    const post = (fields: URLSearchParams) =>
      page.request.post(`${stack.app.url}/login/passkey`, {
        headers: { origin: stack.app.url, "content-type": "application/x-www-form-urlencoded" },
        data: fields.toString(),
        maxRedirects: 0,
      });
    const refusedUrl = (location: string | undefined) => new URL(location ?? "", stack.app.url).searchParams.get("error");

    // The same assertion as if made on another site: its clientDataJSON names that origin.
    const clientData = JSON.parse(Buffer.from(credential.response.clientDataJSON, "base64url").toString("utf8"));
    const elsewhere = { ...credential, response: { ...credential.response, clientDataJSON: Buffer.from(JSON.stringify({ ...clientData, origin: "http://evil.example" })).toString("base64url") } };
    const forged = new URLSearchParams(form);
    forged.set("credential", JSON.stringify(elsewhere));
    const refused = await post(forged);
    expect(refused.status()).toBe(303);
    expect(refusedUrl(refused.headers().location)).toBe("passkey");

    // Malformed answers are refused the same way, never with an error page of ours.
    for (const text of ["", "not json", "[]", JSON.stringify({ ...credential, type: "password" }), JSON.stringify({ ...credential, response: { clientDataJSON: 5 } })]) {
      const broken = new URLSearchParams(form);
      broken.set("credential", text);
      const answer = await post(broken);
      expect(answer.status(), text.slice(0, 40)).toBe(303);
      expect(refusedUrl(answer.headers().location)).toBe("passkey");
    }

    // The real one signs in; posting it again is refused by us, whatever Hydra would say.
    const accepted = await post(form);
    expect(accepted.status()).toBe(303);
    const next = accepted.headers().location ?? "";
    expect(next.startsWith(stack.hydra.publicUrl)).toBe(true);
    const replayed = await post(form);
    expect(replayed.status()).toBe(303);
    expect(refusedUrl(replayed.headers().location)).toBe("passkey");

    await page.unrouteAll();
    await page.goto(next);
    await page.waitForURL((url) => url.pathname === "/consent");
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
    expect(stack.rp.lastTokens?.id_token_claims?.amr).toEqual(["hwk", "user"]);
  });

  test("a passkey is renamed, and once removed it no longer signs in", async ({ context, page, stack }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack);
    await withoutPasskeyAutofill(page);
    await addAuthenticator(context, page);
    await openAccount(page, stack, person);
    await addPasskey(page, stack, "Old name");

    await page.getByLabel("Name of “Old name”").fill("Desk computer");
    await page.getByRole("button", { name: "Rename “Old name”" }).click();
    await expect(page.getByRole("status")).toHaveText("The passkey is renamed.");
    await expect(page.getByRole("heading", { level: 2, name: "Desk computer" })).toBeVisible();

    // An empty name is refused with the list shown again.
    await page.getByLabel("Name of “Desk computer”").fill("   ");
    const [refusal] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/account/passkeys/rename")),
      page.getByRole("button", { name: "Rename “Desk computer”" }).click(),
    ]);
    expect(refusal.status()).toBe(422);
    await expect(page.getByRole("alert")).toHaveText("Give the passkey a name of 1 to 60 characters.");

    await page.goto(`${stack.app.url}/account/passkeys`);
    await page.getByRole("link", { name: "Remove “Desk computer”" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Remove this passkey?");
    await page.getByRole("button", { name: "Remove passkey" }).click();
    await expect(page.getByRole("status")).toHaveText("The passkey is removed. It no longer signs you in.");
    await expect(page.getByText("You have no passkeys yet.")).toBeVisible();

    await signOutHere(context);
    await loginPageOfRp(page, stack);
    await page.locator("#passkey").click();
    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("error") === "passkey");
    await expect(page.locator("#passkey-refused")).toHaveText(/That passkey could not sign you in here/);
    expect(stack.rp.callbacks).toHaveLength(0);
    // The password still works.
    await signIn(page, stack, person);
    await page.waitForURL((url) => url.pathname === "/consent");
  });

  test("the login page runs only the passkey script, by nonce; the account's other pages run none", async ({ context, page, stack }) => {
    await addAuthenticator(context, page);
    const answer = await page.goto(stack.rp.startUrl());
    const csp = answer?.headers()["content-security-policy"] ?? "";
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const scripts = page.locator("script");
    await expect(scripts).toHaveCount(1);
    expect(await scripts.getAttribute("src")).toMatch(/^\/passkey\.js\?v=[\w-]+$/);
    const person = await newPerson(stack);
    await signIn(page, stack, person);
    await page.waitForURL((url) => url.pathname === "/consent");
    await openAccount(page, stack, person);
    const list = await page.goto(`${stack.app.url}/account/passkeys`);
    expect(list?.headers()["content-security-policy"]).toContain("script-src 'none'");
    await expect(page.locator("script")).toHaveCount(0);
  });

  test("bad answers posted to the account's passkey forms are explained on the page, never a 5xx", async ({ page, stack }) => {
    const person = await newPerson(stack);
    await openAccount(page, stack, person);
    await page.goto(`${stack.app.url}/account/passkeys/new`);
    const csrf = await page.locator('input[name="csrf"]').first().inputValue();
    const post = (path: string, form: Record<string, string>) =>
      page.request.post(`${stack.app.url}${path}`, { form, headers: { origin: stack.app.url }, maxRedirects: 0 });

    for (const credential of ["", "not json", "{}", JSON.stringify({ id: "x", rawId: "x", type: "public-key", response: { clientDataJSON: 1 } })]) {
      const answer = await post("/account/passkeys/new", { csrf, name: "Laptop", credential });
      expect(answer.status(), credential).toBe(422);
      expect(await answer.text()).toContain("That passkey could not be added.");
    }
    const unnamed = await post("/account/passkeys/new", { csrf, name: "   ", credential: "{}" });
    expect(unnamed.status()).toBe(422);
    expect(await unnamed.text()).toContain("Give the passkey a name of 1 to 60 characters.");
    expect((await post("/account/passkeys/new", { csrf, name: "Laptop", credential: "a".repeat(20_000) })).status()).toBe(413);
    expect((await post("/account/passkeys/rename", { csrf, name: "No id" })).status()).toBe(400);
    const unknown = await post("/account/passkeys/remove", { csrf, id: "not-a-passkey" });
    expect(unknown.status()).toBe(303);
    expect(unknown.headers().location).toBe(`${stack.app.url}/account/passkeys`);
    expect((await post("/account/passkeys/remove", { csrf: "forged", id: "not-a-passkey" })).status()).toBe(403);
  });

  test("the passkey pages and the login page with its passkey button have no WCAG 2.2 AA violations", async ({ context, page, stack }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack);
    await withoutPasskeyAutofill(page);
    await addAuthenticator(context, page);
    await openAccount(page, stack, person);
    await page.goto(`${stack.app.url}/account/passkeys`);
    await expectNoAxeViolations(page, "/account/passkeys without passkeys");
    await page.goto(`${stack.app.url}/account/passkeys/new`);
    await expect(page.getByLabel("Name of the passkey")).toBeVisible();
    await expectNoAxeViolations(page, "/account/passkeys/new");
    await addPasskey(page, stack, "Axe laptop");
    await expectNoAxeViolations(page, "/account/passkeys with a passkey");
    await page.getByRole("link", { name: "Remove “Axe laptop”" }).click();
    await expectNoAxeViolations(page, "/account/passkeys/remove");
    await page.goto(`${stack.app.url}/account/passkeys?lang=ar`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expectNoAxeViolations(page, "/account/passkeys in Arabic");

    await signOutHere(context);
    await loginPageOfRp(page, stack);
    await expectNoAxeViolations(page, "/login with the passkey button");
  });
});

test.describe("passkeys without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the login page shows no passkey button and the password signs in; adding a passkey says what it needs", async ({ page, stack }) => {
    const person = await newPerson(stack);
    await page.goto(stack.rp.startUrl({ scope: "openid email" }));
    await page.waitForURL((url) => url.pathname === "/login");
    await expect(page.locator("#passkey")).toBeHidden();
    await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toHaveCount(0);
    await signIn(page, stack, person);
    await page.waitForURL((url) => url.pathname === "/consent");
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
    expect(stack.rp.lastTokens?.id_token_claims?.amr).toEqual(["pwd"]);

    await openAccount(page, stack, person);
    await page.goto(`${stack.app.url}/account/passkeys/new`);
    await expect(page.getByText("Adding a passkey needs JavaScript and a browser that supports passkeys.")).toBeVisible();
    await expect(page.getByLabel("Name of the passkey")).toBeHidden();
  });
});
