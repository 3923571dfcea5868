import type { Page } from "@playwright/test";
import { test as base } from "../harness/fixtures";
import type { Stack } from "../harness/stack";
import { startUpstream, type Upstream, type UpstreamUser } from "../harness/upstream";
import { allowConsent, callbackResult, signIn } from "./helpers";

/**
 * The stack's test with a second Hydra and its own login provider as the
 * upstream, seeded with `users`: the stack's app knows it as "corp" (Corp ID),
 * as "corp-post" answering with a form post (as Apple does), and as
 * "elsewhere" under a host name its metadata does not use. `appEnv` adds to
 * the stack app's environment.
 */
export function testWithUpstream(users: readonly UpstreamUser[], appEnv: Record<string, string> = {}) {
  return base.extend<object, { upstream: Upstream; upstreamClientRegistered: void }>({
    upstream: [
      async ({}, use) => {
        const upstream = await startUpstream({ users: [...users] });
        await use(upstream);
        await upstream.stop();
      },
      { scope: "worker", timeout: 180_000 },
    ],
    stackOptions: [
      async ({ upstream }, use) => {
        const common = { clientId: upstream.clientId, clientSecret: upstream.clientSecret };
        const providers = [
          { type: "oidc", id: "corp", name: "Corp ID", issuer: upstream.issuer, ...common },
          { type: "oidc", id: "elsewhere", name: "Elsewhere", issuer: upstream.otherNameIssuer, ...common },
          { type: "oidc", id: "corp-post", name: "Corp ID (form post)", issuer: upstream.issuer, responseMode: "form_post", ...common },
        ];
        await use({ appEnv: { ...appEnv, UPSTREAM_PROVIDERS: JSON.stringify(providers) } });
      },
      { scope: "worker" },
    ],
    upstreamClientRegistered: [
      async ({ stack, upstream }, use) => {
        // The upstream's login form posts, and the redirects that follow go on through the callback to the stack's Hydra.
        await upstream.registerClient(`${stack.app.url}/login/upstream/callback`, [stack.hydra.publicUrl]);
        await use();
      },
      { scope: "worker", auto: true },
    ],
  });
}

/** From the login page the browser is on, to the upstream's login page through Corp ID's button. */
export async function chooseCorp(page: Page) {
  await page.locator("#upstream-corp").click();
  await page.waitForURL((url) => url.hostname === "127.0.0.1");
}

/** Opens /account signed in through Corp ID: the first time, this makes the account, with no password. */
export async function openAccountThroughCorp(page: Page, stack: Stack, user: UpstreamUser) {
  await page.goto(`${stack.app.url}/account`);
  await page.waitForURL((url) => url.pathname === "/login");
  await chooseCorp(page);
  await signInAtUpstream(page, stack, user);
  await page.waitForURL((url) => url.origin === new URL(stack.app.url).origin && url.pathname === "/account");
}

/** Starts a flow at the relying party and goes on to the upstream through Corp ID. */
export async function continueWithCorp(page: Page, stack: Stack, params: Record<string, string> = {}) {
  await page.goto(stack.rp.startUrl(params));
  await chooseCorp(page);
}

export async function signInAtUpstream(page: Page, stack: Stack, user: UpstreamUser) {
  await signIn(page, stack, { email: user.email, password: user.password });
}

/** A whole sign-in at the relying party through the upstream; returns what its callback saw. */
export async function upstreamSignIn(page: Page, stack: Stack, user: UpstreamUser) {
  await continueWithCorp(page, stack);
  await signInAtUpstream(page, stack, user);
  await allowConsent(page);
  return callbackResult(page, stack);
}
