// Acceptance matrix rows H and K (docs/acceptance-matrix.md): a rejected login or consent, and a skipped
// login accepted as someone else, against real Hydra for both token strategies.
import { expect, test } from "../../harness/fixtures";
import { admin, allowConsent, callbackResult, describeRows, fullFlow, recordVisits, signIn, startHeld, type Strategy } from "../helpers";

/** Registers these rows; the calling spec file sets the stack (one per access-token strategy). */
export function rejectionAndSubjectSwitchRows(strategy: Strategy) {
  describeRows(strategy, () => {
    test.describe("H. rejection", () => {
      test("rejecting the login sends access_denied with its description to the relying party", async ({ page, stack }) => {
        await page.goto(stack.rp.startUrl());
        await page.locator("#reject").click();
        const result = await callbackResult(page, stack);
        expect(result).toMatchObject({ result: "error", error: "access_denied" });
        expect(result.result === "error" && result.error_description).toContain("The resource owner denied the request");
      });

      test("rejecting the consent sends access_denied with its description to the relying party", async ({ page, stack }) => {
        await page.goto(stack.rp.startUrl());
        await signIn(page, stack);
        await page.locator("#reject").click();
        const result = await callbackResult(page, stack);
        expect(result).toMatchObject({ result: "error", error: "access_denied" });
        expect(result.result === "error" && result.error_description).toContain("The resource owner denied the request");
      });

      test("a reject without an error name reaches the relying party as Hydra's default 'login request denied'", async ({
        page,
        stack,
      }) => {
        const { loginChallenge } = await startHeld(page, stack);
        const rejected = await admin(stack, "PUT", `/admin/oauth2/auth/requests/login/reject?login_challenge=${loginChallenge}`, {});
        expect(rejected.status).toBe(200);
        await page.goto(rejected.body.redirect_to);
        const result = await callbackResult(page, stack);
        // flow/flow.go: RequestDeniedError defaults error to "login request denied" — why the app always sends access_denied.
        expect(result).toMatchObject({ result: "error", error: "login request denied" });
      });
    });

    test.describe("K. subject switch on skip", () => {
      test("accepting a skipped login as someone else sends the browser back with prompt=login and the form appears", async ({
        page,
        stack,
      }) => {
        await fullFlow(page, stack, { rememberLogin: true });
        stack.rp.reset();
        const { loginChallenge } = await startHeld(page, stack);
        const request = await admin(stack, "GET", `/admin/oauth2/auth/requests/login?login_challenge=${loginChallenge}`);
        expect(request.body).toMatchObject({ skip: true });
        // consent/handler.go (acceptOAuth2LoginRequest): a different subject on skip is not an error;
        // Hydra answers 200 with the request URL plus prompt=login.
        const accepted = await admin(stack, "PUT", `/admin/oauth2/auth/requests/login/accept?login_challenge=${loginChallenge}`, {
          subject: "someone-else",
        });
        expect(accepted.status).toBe(200);
        expect(new URL(accepted.body.redirect_to).searchParams.get("prompt")).toContain("login");

        const logins = recordVisits(page, stack, "/login");
        await page.goto(accepted.body.redirect_to);
        await expect(page.locator("#password")).toBeVisible();
        expect(logins.at(-1)?.status).toBe(200);
        await signIn(page, stack);
        await allowConsent(page);
        expect((await callbackResult(page, stack)).result).toBe("success");
      });
    });
  });
}
