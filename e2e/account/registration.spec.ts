import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type AppProcess, randomSecret, startApp } from "../harness/app";
import { getClient } from "../harness/clients";
import { expect, test } from "../harness/fixtures";
import { freePorts } from "../harness/ports";
import { logDir } from "../harness/process";
import type { Stack } from "../harness/stack";
import { newPerson, openAccount } from "./helpers";

const refusedWarning = "the account client could not be registered";

/** Waits for the instance's registration to finish (its log says so), so that stopping it never cuts one short. */
async function registrationDone(app: AppProcess): Promise<void> {
  await expect.poll(async () => (await readFile(app.logFile, "utf8")).includes("the account client is registered"), { timeout: 20_000 }).toBe(true);
}

test.describe("the account page's client registration", () => {
  /** Another app process on this stack's Hydra and database, registering its own account client. */
  async function extraApp(stack: Stack, port: number, env: Record<string, string>): Promise<AppProcess> {
    // A log of its own per start: a restart on the same port must not find the last start's lines.
    const logFile = join(logDir, `app-${port}-${randomBytes(3).toString("hex")}.log`);
    return startApp({ port, hydra: stack.hydra, databasePath: stack.databasePath, logFile, env: { APP_URL: stack.app.url, ...env } });
  }

  test("is idempotent: two instances starting at once and two restarts leave one unchanged client; a changed secret updates it", async ({ stack }) => {
    test.setTimeout(180_000);
    const clientId = `account-${randomBytes(4).toString("hex")}`;
    const shared = { ACCOUNT_CLIENT_ID: clientId, SESSION_SECRET: randomSecret() };
    const [portA, portB] = await freePorts(2);
    const running: AppProcess[] = [];
    try {
      running.push(...(await Promise.all([extraApp(stack, portA!, shared), extraApp(stack, portB!, shared)])));
      for (const app of running) await registrationDone(app);
      const registered = (await getClient(stack.hydra.adminUrl, clientId))!;
      expect(registered).toMatchObject({
        skip_consent: true,
        skip_logout_consent: true,
        token_endpoint_auth_method: "client_secret_basic",
        redirect_uris: [`${stack.app.url}/api/auth/callback/hydra`],
        post_logout_redirect_uris: [`${stack.app.url}/account/signed-out`],
      });
      expect(registered.scope?.split(" ").sort()).toEqual(["email", "offline_access", "openid", "profile"]);

      for (let restart = 0; restart < 2; restart++) {
        await running.shift()!.stop();
        running.push(await extraApp(stack, restart === 0 ? portA! : portB!, shared));
        await registrationDone(running.at(-1)!);
      }
      // Nothing was rewritten.
      expect((await getClient(stack.hydra.adminUrl, clientId))!.updated_at).toBe(registered.updated_at);
      for (const app of running) expect(await readFile(app.logFile, "utf8")).not.toContain(refusedWarning);

      // A new secret in the configuration is a drift: the client is updated to it.
      await running.shift()!.stop();
      running.push(await extraApp(stack, portA!, { ...shared, ACCOUNT_CLIENT_SECRET: randomSecret() }));
      await expect
        .poll(async () => (await getClient(stack.hydra.adminUrl, clientId))!.updated_at, { timeout: 20_000 })
        .not.toBe(registered.updated_at);
    } finally {
      await Promise.all(running.map((app) => app.stop()));
    }
  });

  test("turned off with ACCOUNT_PAGE=off: no page, no next-auth routes, no client", async ({ stack }) => {
    const [port] = await freePorts(1);
    const clientId = `account-off-${randomBytes(4).toString("hex")}`;
    const app = await startApp({ port: port!, hydra: stack.hydra, databasePath: stack.databasePath, env: { ACCOUNT_PAGE: "off", ADMIN_CONSOLE: "off", ACCOUNT_CLIENT_ID: clientId } });
    try {
      const url = `http://localhost:${port}`;
      expect((await fetch(`${url}/account`, { redirect: "manual" })).status).toBe(404);
      expect((await fetch(`${url}/api/auth/providers`, { redirect: "manual" })).status).toBe(404);
      expect((await fetch(`${url}/admin`, { redirect: "manual" })).status).toBe(404);
      expect(await getClient(stack.hydra.adminUrl, clientId)).toBeUndefined();
    } finally {
      await app.stop();
    }
  });
});

test("the account page signs in through the app it runs with", async ({ page, stack }) => {
  // The stack's own app registered its client at start: the default id.
  expect((await getClient(stack.hydra.adminUrl, "hydra-provider-account"))?.client_name).toMatch(/account/i);
  await openAccount(page, stack, await newPerson(stack));
});
