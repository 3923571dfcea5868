// Acceptance matrix row J (docs/acceptance-matrix.md): unknown, expired, reused and used
// challenges, against real Hydra for both token strategies.
import { expect, test } from "../../harness/fixtures";
import { allowConsent, callbackResult, describeRows, fullFlow, recordVisits, signIn, sleep, type Strategy } from "../helpers";

/** The challenge lifetime the spec calling expiredChallengeRows must configure. */
// Long enough that a loaded machine still renders the page in time, short enough to wait out.
export const shortTtl = "12s";

/** Row J on the default stack. */
export function staleChallengeRows(strategy: Strategy) {
  describeRows(strategy, () => {
    test.describe("J. stale challenges", () => {

      test("an unknown login, consent or logout challenge shows the 404 'unknown request' page", async ({ page, stack }) => {
        for (const path of [
          "/login?login_challenge=not-a-real-challenge",
          "/consent?consent_challenge=not-a-real-challenge",
          "/logout?logout_challenge=6f1f8c3e-0d3e-4a55-9b83-0f4c1e1a2b3c",
        ]) {
          const response = await page.goto(`${stack.app.url}${path}`);
          expect(response?.status(), path).toBe(404);
          await expect(page.getByRole("heading", { level: 1 })).toHaveText("This request is unknown");
        }
      });

      test("a login challenge sent to the consent page is unknown there (404)", async ({ page, stack }) => {
        await page.goto(stack.rp.startUrl());
        await expect(page.locator("#password")).toBeVisible();
        const loginChallenge = new URL(page.url()).searchParams.get("login_challenge")!;
        // Challenges are bound to one purpose (oauth2/flowctx/encoding.go).
        const response = await page.goto(`${stack.app.url}/consent?consent_challenge=${encodeURIComponent(loginChallenge)}`);
        expect(response?.status()).toBe(404);
      });

      test("signing in twice with one login challenge: the second flow ends in 'consent verifier has already been used'", async ({
        page,
        stack,
      }) => {
        await page.goto(stack.rp.startUrl({ scope: "openid email" }));
        await expect(page.locator("#password")).toBeVisible();
        const loginUrl = page.url();
        await signIn(page, stack);
        await allowConsent(page);
        expect((await callbackResult(page, stack)).result).toBe("success");

        // Challenges are stateless (the flow is encrypted into them, oauth2/flowctx/encoding.go): the used login challenge still answers 200 and the form renders.
        const logins = recordVisits(page, stack, "/login");
        stack.rp.callbacks.length = 0;
        await page.goto(loginUrl);
        expect(logins[0]?.status).toBe(200);
        await signIn(page, stack);
        await allowConsent(page);
        const result = await callbackResult(page, stack);
        // Caught only when the second consent verifier is redeemed (persistence/sql/persister_consent.go).
        expect(result).toMatchObject({ result: "error", error: "access_denied" });
        expect(result.result === "error" && result.error_description).toContain("consent verifier has already been used");
      });

      test("a used logout challenge: the logout page follows Hydra's 410 to its redirect_to", async ({ page, stack }) => {
        // Hydra's 410 body carries the original request_url as a bare path (consent/handler.go); it is resolved against the public URL.
        await fullFlow(page, stack, { rememberLogin: true });
        await page.goto(stack.rp.logoutUrl({ state: "used-logout-state" }));
        await expect(page.locator("#accept")).toBeVisible();
        const logoutUrl = page.url();
        await page.locator("#accept").click();
        await page.waitForURL((url) => url.href.startsWith(stack.rp.postLogoutRedirectUri));

        const logouts = recordVisits(page, stack, "/logout");
        await page.goto(logoutUrl);
        // 410 {redirect_to: original request_url}; the session is gone, so Hydra sends the browser straight on.
        await page.waitForURL((url) => url.href.startsWith(stack.rp.postLogoutRedirectUri));
        expect(logouts.map((v) => v.status)).toEqual([303]);
        expect(new URL(page.url()).searchParams.get("state")).toBe("used-logout-state");
      });
    });
  });
}

/** Row J on a stack whose ttl.login_consent_request is shortTtl. */
export function expiredChallengeRows(strategy: Strategy) {
  describeRows(strategy, () => {
    test.describe("J. expired challenges", () => {

      test("a login challenge older than ttl.login_consent_request shows the 401 'expired' page, also when the form is sent", async ({
        page,
        stack,
      }) => {
        await page.goto(stack.rp.startUrl());
        await expect(page.locator("#password")).toBeVisible();
        const loginUrl = page.url();
        await sleep(13_000);
        await signIn(page, stack);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("This request has expired");
        expect(stack.rp.callbacks.filter((c) => c.result === "success")).toHaveLength(0);

        const response = await page.goto(loginUrl);
        expect(response?.status()).toBe(401);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("This request has expired");
      });

      test("a consent challenge expires with the original authorization time (401 'expired' page)", async ({ page, stack }) => {
        await page.goto(stack.rp.startUrl());
        await signIn(page, stack);
        await expect(page.locator("#accept")).toBeVisible();
        const consentUrl = page.url();
        await sleep(13_000);
        const response = await page.goto(consentUrl);
        expect(response?.status()).toBe(401);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("This request has expired");
      });
    });
  });
}
