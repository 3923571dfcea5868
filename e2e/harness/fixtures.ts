import { test as base, expect } from "@playwright/test";
import { startStack, type Stack, type StackOptions } from "./stack";

export interface StackFixtures {
  /** Options for this worker's stack; set per file with test.use({ stackOptions: { … } }). */
  stackOptions: StackOptions;
  /**
   * The Playwright project's setup (its database, how many app instances), under every
   * file's stackOptions: the same specs run on SQLite, on PostgreSQL, and behind nginx.
   */
  stackSetup: Pick<StackOptions, "database" | "instances" | "server">;
  /** Hydra + app + RP, started once per worker (and per distinct stackOptions). */
  stack: Stack;
}

export const test = base.extend<{ rpReset: void }, StackFixtures>({
  stackOptions: [{}, { scope: "worker", option: true }],
  stackSetup: [{}, { scope: "worker", option: true }],
  stack: [
    async ({ stackOptions, stackSetup }, use) => {
      const stack = await startStack({ ...stackOptions, ...stackSetup });
      await use(stack);
      await stack.stop();
    },
    // Cold start: Hydra (signing-key generation included) and `next start`, each up to 60 s.
    { scope: "worker", timeout: 180_000 },
  ],
  // Each test sees only its own tokens and logout notifications.
  rpReset: [
    async ({ stack }, use) => {
      stack.rp.reset();
      await use();
    },
    { auto: true },
  ],
});

export { expect };
