import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { allowConsent, callbackResult, signIn } from "../flows/helpers";
import { randomSecret, startApp } from "../harness/app";
import { startBalancer } from "../harness/balancer";
import { createRpClient } from "../harness/clients";
import { startHydra } from "../harness/hydra";
import { freePort } from "../harness/ports";
import { startRp } from "../harness/rp";
import { startStack, type Stack } from "../harness/stack";
import { defaultUser, seedUser } from "../harness/users";

test.describe("when Hydra goes away", () => {
  let stack: Stack;
  test.beforeAll(async () => {
    // A file DSN keeps clients and keys across the restart; challenges are sealed with the same system secret.
    stack = await startStack({ hydraDatabase: "file" });
  });
  test.afterAll(async () => stack?.stop());

  test("the page says the service is unavailable (503), the readiness check fails, and the same browser finishes after a restart", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto(stack.rp.startUrl());
    await expect(page.locator("#email")).toBeVisible();

    await stack.hydra.stop();
    const [answer] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === "/login"),
      signIn(page, stack),
    ]);
    expect(answer.status()).toBe(503);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("The service is unavailable");
    const ready = await page.request.get(`${stack.app.url}/health/ready`);
    expect(ready.status()).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { hydra: false, database: true } });

    await stack.hydra.restart();
    await page.getByRole("link", { name: "Try again" }).click();
    await signIn(page, stack);
    await allowConsent(page);
    expect((await callbackResult(page, stack)).result).toBe("success");
    expect((await page.request.get(`${stack.app.url}/health/ready`)).status()).toBe(200);
  });
});

test("two app instances sharing only config and the user database finish one flow: login on one, consent on the other", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dataDir = await mkdtemp(join(tmpdir(), "hydra-provider-two-"));
  const stoppers: Array<() => Promise<void>> = [];
  try {
    const [publicPort, port1, port2] = [await freePort(), await freePort(), await freePort()];
    // Both instances serve one public URL behind a balancer that sends /login* to one and everything else to the other.
    const appUrl = `http://localhost:${publicPort}`;
    const hydra = await startHydra({ appUrl });
    stoppers.push(() => hydra.stop());
    const databasePath = join(dataDir, "app.sqlite");
    const sessionSecret = randomSecret();
    await seedUser({ databasePath, ...defaultUser });
    const env = { APP_URL: appUrl, RATE_LIMIT_STORE: "database" };
    const apps = await Promise.all([
      startApp({ port: port1, hydra, databasePath, sessionSecret, env }),
      startApp({ port: port2, hydra, databasePath, sessionSecret, env }),
    ]);
    for (const app of apps) stoppers.push(() => app.stop());
    const served: number[] = [];
    const balancer = await startBalancer(publicPort, (path) => {
      const backend = path.startsWith("/login") ? port1 : port2;
      if (path.startsWith("/login") || path.startsWith("/consent")) served.push(backend);
      return backend;
    });
    stoppers.push(() => balancer.stop());
    const rp = await startRp({ issuer: hydra.issuer, adminUrl: hydra.adminUrl });
    stoppers.push(() => rp.stop());
    await rp.addClient(await createRpClient(hydra.adminUrl, rp.url));

    const flow = { rp, user: defaultUser, app: { url: appUrl } } as unknown as Stack;
    await page.goto(rp.startUrl());
    await signIn(page, flow);
    await allowConsent(page);
    expect((await callbackResult(page, flow)).result).toBe("success");
    expect(new Set(served)).toEqual(new Set([port1, port2]));
  } finally {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
});
