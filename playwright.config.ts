import { defineConfig } from "@playwright/test";
import type { StackFixtures } from "./e2e/harness/fixtures";

const inCi = process.env.CI === "true" || process.env.CI === "1";

/**
 * End-to-end tests against real Hydra, the production build of the app and an
 * openid-client relying party. Each worker starts its own stack on free ports
 * (e2e/harness/fixtures.ts); `npm test` builds everything first.
 */
// Debian's Chromium: `npx playwright install` cannot download browsers here.
const chromium = {
  browserName: "chromium" as const,
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    // Without the background-networking flags Chromium keeps dialling Google
    // services, which fail noisily on a closed network.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig<StackFixtures>({
  testDir: "e2e",
  // One PostgreSQL cluster for the run (e2e/harness/global-setup.ts).
  globalSetup: "./e2e/harness/global-setup.ts",
  outputDir: "test-results/playwright",
  fullyParallel: false,
  workers: 2,
  retries: inCi ? 1 : 0,
  forbidOnly: inCi,
  reporter: "list",
  timeout: 30_000,
  use: {
    headless: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Everything on the embedded defaults: Hydra and the app on SQLite, one app instance.
    { name: "chromium", use: chromium, testIgnore: ["scale/**"] },
    // The core flows and the sign-in limits with Hydra and the app on PostgreSQL.
    {
      name: "postgres",
      use: { ...chromium, stackSetup: { database: "postgres" } },
      testMatch: ["flows/sign-in-and-consent.spec.ts", "flows/logout.spec.ts", "flows/admin-calls.spec.ts", "security/brute-force.spec.ts"],
    },
    // The self-contained server the image runs (.next/standalone/server.js), on the core flows.
    {
      name: "standalone",
      use: { ...chromium, stackSetup: { server: "standalone" } },
      testMatch: ["flows/sign-in-and-consent.spec.ts", "flows/logout.spec.ts", "flows/bad-challenges.spec.ts", "ui/no-javascript.spec.ts"],
    },
    // Three instances behind nginx on PostgreSQL: the whole contract, sign-in limits counted across
    // instances (the five failures land on all three), and an instance lost mid-flow.
    {
      name: "instances",
      use: { ...chromium, stackSetup: { database: "postgres", instances: 3 } },
      testMatch: ["contract/opaque.spec.ts", "security/brute-force.spec.ts", "scale/**/*.spec.ts"],
    },
  ],
});
