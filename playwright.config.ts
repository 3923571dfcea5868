import { defineConfig } from "@playwright/test";

const inCi = process.env.CI === "true" || process.env.CI === "1";

/**
 * End-to-end tests against real Hydra, the production build of the app and an
 * openid-client relying party. Each worker starts its own stack on free ports
 * (e2e/harness/fixtures.ts); `npm test` builds everything first.
 */
export default defineConfig({
  testDir: "e2e",
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
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        // Debian's Chromium: `npx playwright install` cannot download browsers here.
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
      },
    },
  ],
});
