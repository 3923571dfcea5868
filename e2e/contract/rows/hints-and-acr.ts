// Acceptance matrix rows F and G (docs/acceptance-matrix.md): login_hint, id_token_hint and acr_values,
// against real Hydra for both token strategies.
import { expect, test } from "../../harness/fixtures";
import { addUser, admin, allowConsent, callbackResult, describeRows, fullFlow, nextCallback, recordVisits, signIn, startHeld, type Strategy } from "../helpers";

/** Registers these rows; the calling spec file sets the stack (one per access-token strategy). */
export function hintAndAcrRows(strategy: Strategy) {
  describeRows(strategy, () => {
    test.describe("F. login_hint and id_token_hint", () => {
      test("login_hint pre-fills the email", async ({ page, stack }) => {
        await page.goto(stack.rp.startUrl({ login_hint: stack.user.email }));
        await expect(page.locator("#email")).toHaveValue(stack.user.email);
      });

      test("an id_token_hint without a session pre-fills the hinted account's email", async ({ page, stack, browser }) => {
        const idToken = (await fullFlow(page, stack, { start: { scope: "openid email" } })).id_token!;
        const context = await browser.newContext();
        const fresh = await context.newPage();
        await fresh.goto(stack.rp.startUrl({ scope: "openid email", id_token_hint: idToken }));
        await expect(fresh.locator("#email")).toHaveValue(stack.user.email);
        // Hydra fails the flow if someone else signs in (consent/strategy_default.go): the page warns first.
        await expect(fresh.getByText(`expects you to sign in as ${stack.user.email}`)).toBeVisible();
        await context.close();
      });

      test("an id_token_hint without a session, then signing in as someone else, ends in login_required", async ({
        page,
        stack,
        browser,
      }) => {
        const other = await addUser(stack);
        const idToken = (await fullFlow(page, stack, { start: { scope: "openid email" } })).id_token!;
        const context = await browser.newContext();
        const fresh = await context.newPage();
        stack.rp.reset();
        await fresh.goto(stack.rp.startUrl({ scope: "openid email", id_token_hint: idToken }));
        await signIn(fresh, stack, { email: other.email, password: other.password });
        // Hydra compares the accepted subject with the hint's sub at the login verifier
        // (consent/strategy_default.go, verifyAuthentication) and fails the flow.
        const result = await callbackResult(fresh, stack);
        expect(result).toMatchObject({ result: "error", error: "login_required" });
        await context.close();
      });

      test("an id_token_hint for another account than the remembered session ends in login_required without the login page", async ({
        page,
        stack,
        browser,
      }) => {
        const other = await addUser(stack);
        const otherContext = await browser.newContext();
        const otherPage = await otherContext.newPage();
        const otherIdToken = (await fullFlow(otherPage, stack, { email: other.email, password: other.password })).id_token!;
        await otherContext.close();

        await fullFlow(page, stack, { rememberLogin: true });
        const logins = recordVisits(page, stack, "/login");
        await nextCallback(page, stack, { id_token_hint: otherIdToken });
        const result = await callbackResult(page, stack);
        // consent/strategy_default.go (requestAuthentication): hint sub ≠ session subject → login_required, no UI.
        expect(result).toMatchObject({ result: "error", error: "login_required" });
        expect(logins).toHaveLength(0);
      });
    });

    test.describe("G. acr_values", () => {
      test("with acr_values the ID token carries the level reached (acr '1', amr ['pwd']), also on a skipped login", async ({
        page,
        stack,
      }) => {
        const first = await fullFlow(page, stack, { start: { acr_values: "1 2" }, rememberLogin: true });
        expect(first.id_token_claims).toMatchObject({ acr: "1", amr: ["pwd"] });

        const logins = recordVisits(page, stack, "/login");
        await nextCallback(page, stack, { acr_values: "1 2" });
        await allowConsent(page);
        expect((await callbackResult(page, stack)).result).toBe("success");
        expect(logins.map((v) => v.redirected)).toEqual([true]);
        expect(stack.rp.lastTokens!.id_token_claims).toMatchObject({ acr: "1", amr: ["pwd"] });
      });

      test("Hydra falls back to acr '0' when acr_values were requested and the login accept set no acr", async ({ page, stack }) => {
        const sub = (await fullFlow(page, stack)).id_token_claims!.sub as string;
        stack.rp.reset();
        const { loginChallenge } = await startHeld(page, stack, { acr_values: "2" });
        // A provider that answers with only a subject (as Hydra's reference app does).
        const accepted = await admin(stack, "PUT", `/admin/oauth2/auth/requests/login/accept?login_challenge=${loginChallenge}`, {
          subject: sub,
        });
        expect(accepted.status).toBe(200);
        await page.goto(accepted.body.redirect_to);
        await allowConsent(page);
        expect((await callbackResult(page, stack)).result).toBe("success");
        const claims = stack.rp.lastTokens!.id_token_claims!;
        // fosite handler/openid/strategy_jwt.go puts "0" when acr_values was sent and acr is empty.
        expect(claims.acr).toBe("0");
        expect(claims).not.toHaveProperty("amr");
      });
    });
  });
}
