// Acceptance matrix rows D and E (docs/acceptance-matrix.md): prompt=none, prompt=login and max_age,
// against real Hydra for both token strategies.
import { expect, test } from "../../harness/fixtures";
import { allowConsent, callbackResult, describeRows, fullFlow, nextCallback, recordVisits, signIn, sleep, type Strategy } from "../helpers";

/** Registers these rows; the calling spec file sets the stack (one per access-token strategy). */
export function promptAndMaxAgeRows(strategy: Strategy) {
  describeRows(strategy, () => {
    test.describe("D. prompt=none", () => {
      test("prompt=none without a session returns login_required and never shows the login page", async ({ page, stack }) => {
        const logins = recordVisits(page, stack, "/login");
        await page.goto(stack.rp.startUrl({ prompt: "none" }));
        const result = await callbackResult(page, stack);
        expect(result).toMatchObject({ result: "error", error: "login_required" });
        expect(logins).toHaveLength(0);
      });

      test("prompt=none with a remembered login but no remembered consent returns consent_required", async ({ page, stack }) => {
        await fullFlow(page, stack, { rememberLogin: true, rememberConsent: false });
        const consents = recordVisits(page, stack, "/consent");
        await nextCallback(page, stack, { prompt: "none" });
        const result = await callbackResult(page, stack);
        expect(result).toMatchObject({ result: "error", error: "consent_required" });
        expect(consents).toHaveLength(0);
      });

      test("prompt=none with login and consent remembered returns a code without showing any page", async ({ page, stack }) => {
        await fullFlow(page, stack, { rememberLogin: true, rememberConsent: true });
        const logins = recordVisits(page, stack, "/login");
        const consents = recordVisits(page, stack, "/consent");
        await nextCallback(page, stack, { prompt: "none" });
        expect((await callbackResult(page, stack)).result).toBe("success");
        // Hydra sent both pages skip=true and the app accepted each at once.
        expect(logins.map((v) => v.redirected)).toEqual([true]);
        expect(consents.map((v) => v.redirected)).toEqual([true]);
      });
    });

    test.describe("E. re-authentication", () => {
      test("prompt=login shows the form despite a remembered login, with a new sid and a fresh auth_time", async ({ page, stack }) => {
        const first = (await fullFlow(page, stack, { rememberLogin: true })).id_token_claims!;
        await sleep(1_100);
        const requestedAt = Math.floor(Date.now() / 1000);
        await nextCallback(page, stack, { prompt: "login" });
        await expect(page.getByText("Please sign in again to confirm it is you.")).toBeVisible();
        await signIn(page, stack, { remember: true });
        await allowConsent(page);
        expect((await callbackResult(page, stack)).result).toBe("success");
        const second = stack.rp.lastTokens!.id_token_claims!;
        expect(second.sub).toBe(first.sub);
        expect(second.sid).not.toBe(first.sid);
        expect(Number(second.auth_time)).toBeGreaterThanOrEqual(requestedAt);
      });

      test("max_age=0 shows the form despite a remembered login", async ({ page, stack }) => {
        const first = (await fullFlow(page, stack, { rememberLogin: true })).id_token_claims!;
        await sleep(1_100);
        const requestedAt = Math.floor(Date.now() / 1000);
        await nextCallback(page, stack, { max_age: 0 });
        await signIn(page, stack, { remember: true });
        await allowConsent(page);
        // The RP also checks auth_time against max_age (openid-client).
        expect((await callbackResult(page, stack)).result).toBe("success");
        const second = stack.rp.lastTokens!.id_token_claims!;
        expect(second.sid).not.toBe(first.sid);
        expect(Number(second.auth_time)).toBeGreaterThanOrEqual(requestedAt);
      });

      test("an elapsed max_age shows the form, a max_age not yet reached skips it", async ({ page, stack }) => {
        const first = (await fullFlow(page, stack, { rememberLogin: true })).id_token_claims!;

        const logins = recordVisits(page, stack, "/login");
        await nextCallback(page, stack, { max_age: 3600 });
        await allowConsent(page);
        expect((await callbackResult(page, stack)).result).toBe("success");
        expect(logins.map((v) => v.redirected)).toEqual([true]);
        expect(stack.rp.lastTokens!.id_token_claims!.auth_time).toBe(first.auth_time);

        await sleep(2_100);
        await nextCallback(page, stack, { max_age: 1 });
        await expect(page.locator("#password")).toBeVisible();
        await expect(page.getByText("Your last sign-in was too long ago")).toBeVisible();
        await signIn(page, stack);
        await allowConsent(page);
        expect((await callbackResult(page, stack)).result).toBe("success");
        expect(Number(stack.rp.lastTokens!.id_token_claims!.auth_time)).toBeGreaterThan(Number(first.auth_time));
      });
    });
  });
}
