import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { parseConfig } from "@/lib/config";
import { expect, test } from "../harness/fixtures";
import { expectNoAxeViolations } from "../ui/helpers";
import { connectApp, newPerson, openAccount } from "./helpers";

// A known session secret, so the test can make next-auth cookies of its own.
const sessionSecret = randomBytes(36).toString("base64url");
// A file DSN keeps Hydra's clients and sessions across its restart.
test.use({ stackOptions: { appEnv: { SESSION_SECRET: sessionSecret }, hydraDatabase: "file" } });

const sessionKey = () => parseConfig({ SESSION_SECRET: sessionSecret, APP_URL: "http://localhost:3000" }).account!.sessionKey;
const cookieName = "next-auth.session-token";

test.describe("signing in to /account", () => {
  test("without a session it goes through Hydra's login form and comes back, with no consent page", async ({ page, stack }) => {
    const person = await newPerson(stack);
    const consentVisits: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).pathname === "/consent") consentVisits.push(request.url());
    });
    await page.goto(`${stack.app.url}/account`);
    await page.waitForURL((url) => url.pathname === "/login");
    await openAccount(page, stack, person);
    await expect(page.getByText(`Signed in as ${person.email}`)).toBeVisible();
    // First-party: Hydra sends the consent step, which accepts at once without a page of its own.
    expect(consentVisits.length).toBeLessThanOrEqual(1);
    await expect(page.locator("h1")).toHaveText("Your account");
  });

  for (const [label, cookie] of [
    ["tampered", async (valid: string) => `${valid.slice(0, -6)}AAAAAA`],
    ["expired", async () => encode({ token: { sub: "x", subject: "x", idToken: "x", signedInAt: Date.now() - 7_200_000 }, secret: sessionKey(), maxAge: -600 })],
    ["foreign (another deployment's key)", async () => encode({ token: { sub: "x", subject: "x", idToken: "x", signedInAt: Date.now() }, secret: randomBytes(32).toString("hex") })],
    ["garbage", async () => "not-a-jwe"],
  ] as const) {
    test(`a ${label} session cookie means signed out, never an error`, async ({ page, stack, context }) => {
      const person = await newPerson(stack);
      await openAccount(page, stack, person);
      const valid = (await context.cookies()).find((c) => c.name === cookieName)!.value;
      await context.clearCookies();
      await context.addCookies([{ name: cookieName, value: await cookie(valid), url: stack.app.url }]);
      const answer = await page.goto(`${stack.app.url}/account`);
      expect(answer!.status()).toBeLessThan(500);
      await page.waitForURL((url) => url.pathname === "/login");
      await expect(page.locator("#email")).toBeVisible();
    });
  }

  test("a valid cookie made with the deployment's key still works (the forged ones above fail for their content)", async ({ page, stack, context }) => {
    const person = await newPerson(stack);
    await openAccount(page, stack, person);
    const valid = (await context.cookies()).find((c) => c.name === cookieName)!;
    expect(valid.httpOnly).toBe(true);
    expect(valid.sameSite).toBe("Lax");
    // Short-lived: the cookie ends with the session (ACCOUNT_SESSION_MAX_AGE, an hour by default).
    expect(valid.expires * 1000 - Date.now()).toBeLessThanOrEqual(3_600_000 + 5_000);
  });

  const accountPaths = (clientId: string) => ["/account", "/account/password", "/account/sessions/end", `/account/apps/remove?client=${clientId}`, "/account/signed-out"];

  test("pages work without JavaScript and ship none", async ({ browser, stack }) => {
    test.setTimeout(90_000);
    const person = await newPerson(stack);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await connectApp(page, stack, person, stack.client.client_id);
    await openAccount(page, stack);
    for (const path of accountPaths(stack.client.client_id)) {
      const answer = await page.goto(`${stack.app.url}${path}`);
      expect(answer!.status(), path).toBe(200);
      expect(answer!.headers()["cache-control"]).toBe("no-store");
      expect(answer!.headers()["content-security-policy"]).toContain("script-src 'none'");
      expect(await page.locator("script").count(), path).toBe(0);
    }
    // A form posts and answers with a page, no script involved.
    await page.goto(`${stack.app.url}/account`);
    await page.getByLabel("Full name").fill("No Script");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByRole("status")).toBeVisible();
    await expect(page.getByLabel("Full name")).toHaveValue("No Script");
    await context.close();
  });

  // axe runs in the page, so these contexts have JavaScript; the pages themselves run none (CSP script-src 'none').
  test("pages have no WCAG 2.2 AA violations in light, dark and Arabic", async ({ browser, stack }) => {
    test.setTimeout(120_000);
    const person = await newPerson(stack);
    for (const variant of [
      { colorScheme: "light", locale: "en-US", dir: "ltr" },
      { colorScheme: "dark", locale: "en-US", dir: "ltr" },
      { colorScheme: "dark", locale: "ar", dir: "rtl" },
    ] as const) {
      const context = await browser.newContext({ colorScheme: variant.colorScheme, locale: variant.locale });
      const page = await context.newPage();
      await connectApp(page, stack, person, stack.client.client_id);
      await page.goto(`${stack.app.url}/account`);
      await page.waitForURL((url) => url.pathname === "/account");
      await expect(page.locator("html")).toHaveAttribute("dir", variant.dir);
      for (const path of [...accountPaths(stack.client.client_id), "/account/password?error=wrong_password"]) {
        await page.goto(`${stack.app.url}${path}`);
        await expectNoAxeViolations(page, `${path} (${variant.colorScheme}, ${variant.locale})`);
      }
      await context.close();
    }
  });
});

test.describe("when the account page cannot work", () => {
  test("Hydra down gives the account page's 503; the flows say unavailable and finish after Hydra is back", async ({ page, stack }) => {
    test.setTimeout(120_000);
    const person = await newPerson(stack);
    await openAccount(page, stack, person);
    await stack.hydra.stop();
    try {
      const signedIn = await page.goto(`${stack.app.url}/account`);
      expect(signedIn!.status()).toBe(503);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is not available right now");
      await expect(page.getByRole("link", { name: "Try again" })).toBeVisible();
    } finally {
      await stack.hydra.restart();
    }
    await openAccount(page, stack, person);
    await connectApp(page, stack, person, stack.client.client_id);
  });
});
