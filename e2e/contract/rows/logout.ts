// Acceptance matrix rows I and L (docs/acceptance-matrix.md): skipping clients and logout,
// against real Hydra for both token strategies.
import { expect, test } from "../../harness/fixtures";
import { allowConsent, callbackResult, describeRows, fullFlow, nextCallback, recordVisits, signIn, type Strategy } from "../helpers";

/** Registers these rows; the calling spec file sets the stack (one per access-token strategy). */
export function logoutRows(strategy: Strategy) {
  describeRows(strategy, () => {
    test.describe("I. skipping clients", () => {
      test("a client marked skip_consent gets its tokens without the consent page", async ({ page, stack }) => {
        const trusted = await stack.addClient({ skip_consent: true });
        const consents = recordVisits(page, stack, "/consent");
        await page.goto(stack.rp.startUrl({ client_id: trusted.client_id, scope: "openid email profile" }));
        await signIn(page, stack);
        const result = await callbackResult(page, stack);
        expect(result.result).toBe("success");
        // Hydra OSS still calls the consent page with skip=false (consent/strategy_default.go); the app accepts at once.
        expect(consents.map((v) => v.redirected)).toEqual([true]);
        expect(stack.rp.lastTokens!.scope?.split(" ").sort()).toEqual(["email", "openid", "profile"]);
        expect(stack.rp.lastTokens!.id_token_claims).toMatchObject({ email: stack.user.email, name: stack.user.name });
      });

      test("RP-initiated logout for a client marked skip_logout_consent ends the session without asking", async ({ page, stack }) => {
        const trusted = await stack.addClient({ skip_logout_consent: true });
        await fullFlow(page, stack, { start: { client_id: trusted.client_id }, rememberLogin: true });
        const logouts = recordVisits(page, stack, "/logout");
        await page.goto(stack.rp.logoutUrl({ state: "skip-logout-state" }));
        await page.waitForURL((url) => url.href.startsWith(stack.rp.postLogoutRedirectUri));
        expect(new URL(page.url()).searchParams.get("state")).toBe("skip-logout-state");
        expect(logouts.map((v) => v.redirected)).toEqual([true]);

        await nextCallback(page, stack, { client_id: trusted.client_id });
        await expect(page.locator("#password")).toBeVisible();
      });

      test("an OP-initiated logout is still confirmed although the client is marked skip_logout_consent", async ({ page, stack }) => {
        const trusted = await stack.addClient({ skip_logout_consent: true });
        await fullFlow(page, stack, { start: { client_id: trusted.client_id }, rememberLogin: true });
        await page.goto(`${stack.hydra.publicUrl}/oauth2/sessions/logout`);
        await expect(page.locator("#accept")).toBeVisible();
      });
    });

    test.describe("L. logout", () => {
      test("OP-initiated logout without a session goes straight to the post-logout page", async ({ page, stack }) => {
        const logouts = recordVisits(page, stack, "/logout");
        await page.goto(`${stack.hydra.publicUrl}/oauth2/sessions/logout`);
        await page.waitForURL((url) => url.href.startsWith(`${stack.app.url}/logged-out`));
        expect(logouts).toHaveLength(0);
      });

      test("OP-initiated logout with a session asks, then ends the session and notifies the back-channel", async ({ page, stack }) => {
        const claims = (await fullFlow(page, stack, { rememberLogin: true })).id_token_claims!;
        await page.goto(`${stack.hydra.publicUrl}/oauth2/sessions/logout`);
        await expect(page.getByRole("heading", { name: "Sign out?" })).toBeVisible();
        await page.locator("#accept").click();
        await page.waitForURL((url) => url.href.startsWith(`${stack.app.url}/logged-out`));
        await expect.poll(() => stack.rp.backchannelTokens.length).toBe(1);
        expect(stack.rp.backchannelTokens[0]!.claims).toMatchObject({ sid: claims.sid });

        await nextCallback(page, stack);
        await expect(page.locator("#password")).toBeVisible();
      });

      test("RP-initiated logout returns to post_logout_redirect_uri with the state, and the back-channel token has sid but no sub", async ({
        page,
        stack,
      }) => {
        const claims = (await fullFlow(page, stack, { rememberLogin: true })).id_token_claims!;
        await page.goto(stack.rp.logoutUrl({ state: "rp-logout-state" }));
        await page.locator("#accept").click();
        await page.waitForURL((url) => url.href.startsWith(stack.rp.postLogoutRedirectUri));
        expect(new URL(page.url()).searchParams.get("state")).toBe("rp-logout-state");

        await expect.poll(() => stack.rp.backchannelTokens.length).toBe(1);
        const received = stack.rp.backchannelTokens[0]!;
        expect(received.verified, received.error).toBe(true);
        expect(received.claims).toMatchObject({
          iss: stack.hydra.issuer,
          sid: claims.sid,
          events: { "http://schemas.openid.net/event/backchannel-logout": {} },
        });
        expect(received.claims).not.toHaveProperty("sub");
        expect(received.claims).not.toHaveProperty("nonce");

        await nextCallback(page, stack);
        await expect(page.locator("#password")).toBeVisible();
      });

      test("RP-initiated logout to an unregistered post_logout_redirect_uri ends on the error page", async ({ page, stack }) => {
        await fullFlow(page, stack, { rememberLogin: true });
        await page.goto(stack.rp.logoutUrl({ post_logout_redirect_uri: "http://localhost:9/not-registered", state: "x-state-123" }));
        await page.waitForURL((url) => url.href.startsWith(`${stack.app.url}/error`));
        expect(new URL(page.url()).searchParams.get("error")).toBe("invalid_request");
        expect(stack.rp.loggedOut).toHaveLength(0);
      });

      test("answering No at logout keeps the session: the next authorization skips the login form", async ({ page, stack }) => {
        await fullFlow(page, stack, { rememberLogin: true });
        await page.goto(stack.rp.logoutUrl({ state: "keep-me-state" }));
        await page.locator("#reject").click();
        await page.waitForURL((url) => url.origin === new URL(stack.app.url).origin && url.pathname === "/");
        expect(stack.rp.loggedOut).toHaveLength(0);
        expect(stack.rp.backchannelTokens).toHaveLength(0);

        const logins = recordVisits(page, stack, "/login");
        await nextCallback(page, stack);
        await allowConsent(page);
        expect((await callbackResult(page, stack)).result).toBe("success");
        expect(logins.map((v) => v.redirected)).toEqual([true]);
      });

      test("front-channel logout: Hydra answers with an HTML page whose iframes call the client with iss and sid", async ({
        page,
        stack,
      }) => {
        const client = await stack.addClient({ frontchannel: true });
        const claims = (await fullFlow(page, stack, { start: { client_id: client.client_id }, rememberLogin: true })).id_token_claims!;
        const verifierPage = page.waitForResponse((r) => r.url().includes("/oauth2/sessions/logout") && r.url().includes("logout_verifier="));
        await page.goto(stack.rp.logoutUrl({ state: "front-state-1" }));
        await page.locator("#accept").click();
        const verifier = await verifierPage;
        // consent/strategy_default.go (completeLogout): with front-channel clients, 200 HTML instead of a 302.
        expect(verifier.status()).toBe(200);
        expect(verifier.headers()["content-type"]).toContain("text/html");
        await expect.poll(() => stack.rp.frontchannelHits.length).toBeGreaterThan(0);
        expect(stack.rp.frontchannelHits[0]).toMatchObject({ iss: stack.hydra.issuer, sid: claims.sid });
        await page.waitForURL((url) => url.href.startsWith(stack.rp.postLogoutRedirectUri), { timeout: 15_000 });
        expect(new URL(page.url()).searchParams.get("state")).toBe("front-state-1");
      });
    });
  });
}
