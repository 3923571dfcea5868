import { randomBytes } from "node:crypto";
import { startApp } from "../harness/app";
import { getClient } from "../harness/clients";
import { expect, test } from "../harness/fixtures";
import { freePorts } from "../harness/ports";
import { signIn } from "../flows/helpers";
import { newPerson } from "../account/helpers";
import { expectNoAxeViolations } from "../ui/helpers";
import { newAdmin, openConsole } from "./helpers";

test.describe("who reaches the admin console", () => {
  test("signed out goes through Hydra's sign-in and comes back; an admin sees the console", async ({ page, stack }) => {
    const admin = await newAdmin(stack);
    await page.goto(`${stack.app.url}/admin`);
    await page.waitForURL((url) => url.pathname === "/login");
    await signIn(page, stack, admin);
    await page.waitForURL((url) => url.pathname === "/admin");
    await expect(page.getByRole("heading", { level: 1, name: "Admin console" })).toBeVisible();
    await expect(page.getByText(`Signed in as ${admin.email}`)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Console sections" }).getByRole("link", { name: "Audit log" })).toBeVisible();
  });

  test("an account without the admin role gets 403, on pages and on downloads alike", async ({ page, stack }) => {
    const person = await newPerson(stack);
    await page.goto(`${stack.app.url}/account`);
    await signIn(page, stack, person);
    await page.waitForURL((url) => url.pathname === "/account");
    for (const path of ["/admin", "/admin/audit", "/admin/audit/export"]) {
      const answer = await page.goto(`${stack.app.url}${path}`);
      expect(answer!.status(), path).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("This account cannot use the admin console");
    }
  });
});

test("the overview, audit log and subjects pages have no WCAG 2.2 AA violations, in English and in Arabic", async ({ browser, stack }) => {
  test.setTimeout(90_000);
  const admin = await newAdmin(stack);
  for (const locale of ["en-US", "ar"]) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await openConsole(page, stack, admin);
    for (const path of ["/admin", "/admin/audit", `/admin/subjects?q=${encodeURIComponent(admin.email)}`]) {
      await page.goto(`${stack.app.url}${path}`);
      await expectNoAxeViolations(page, `${path} (${locale})`);
    }
    await context.close();
  }
});

test.describe("the console on a host of its own (ADMIN_HOST)", () => {
  test("answers only there: the public host says 404, and signing in on the console's host comes back to it", async ({ page, stack }) => {
    test.setTimeout(90_000);
    const [port] = await freePorts(1);
    const publicUrl = `http://localhost:${port}`;
    // Another name for this machine: its cookies and sessions are the console's own.
    const consoleOrigin = `http://127.0.0.1:${port}`;
    const clientId = `account-${randomBytes(4).toString("hex")}`;
    const app = await startApp({
      port: port!,
      hydra: stack.hydra,
      databasePath: stack.databasePath,
      env: { APP_URL: publicUrl, ADMIN_HOST: `127.0.0.1:${port}`, ACCOUNT_CLIENT_ID: clientId },
    });
    try {
      await expect.poll(async () => (await getClient(stack.hydra.adminUrl, clientId))?.redirect_uris, { timeout: 20_000 }).toEqual([
        `${publicUrl}/api/auth/callback/hydra`,
        `${consoleOrigin}/api/auth/callback/hydra`,
      ]);
      expect((await page.goto(`${publicUrl}/admin`))!.status()).toBe(404);
      expect((await page.goto(`${publicUrl}/admin/audit/export`))!.status()).toBe(404);

      const admin = await newAdmin(stack);
      await page.goto(`${consoleOrigin}/admin`);
      await page.waitForURL((url) => url.pathname === "/login");
      await signIn(page, stack, admin);
      await page.waitForURL((url) => url.origin === consoleOrigin && url.pathname === "/admin");
      await expect(page.getByRole("heading", { level: 1, name: "Admin console" })).toBeVisible();
      // The language switch goes back to the console's own host.
      await page.getByRole("link", { name: "Deutsch" }).click();
      await page.waitForURL((url) => url.origin === consoleOrigin && url.pathname === "/admin");
      await expect(page.locator("html")).toHaveAttribute("lang", "de");
      // The account page stays on the public host, with a session of its own.
      expect((await page.goto(`${publicUrl}/admin`))!.status()).toBe(404);
    } finally {
      await app.stop();
    }
  });
});
