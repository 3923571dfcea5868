// Acceptance matrix rows A–H and K (contract §C4): sign-in, remembering, prompt,
// max_age, hints, acr and rejection, against real Hydra for both token strategies.
import { expect, test } from "../../harness/fixtures";
import {
  addUser,
  admin,
  allowConsent,
  callbackResult,
  decodeJwt,
  fullFlow,
  nextCallback,
  recordVisits,
  signIn,
  sleep,
  type Strategy,
  uuid,
  currentClientId,
  useFreshClient,
  startHeld,
} from "../helpers";

/** Registers these rows; the calling spec file sets the stack (one per access-token strategy). */
export function signInRows(strategy: Strategy) {
  test.describe(strategy, () => {
    // Several sign-ins per test on a shared 2-core machine.
    test.setTimeout(60_000);
    test.beforeEach(async ({ stack }) => {
      await useFreshClient(stack);
    });

    test.describe("A. happy path", () => {
      test("code flow with PKCE shows login and consent, and the tokens carry sub, sid, acr, amr and the consented claims", async ({
        page,
        stack,
      }) => {
        await page.goto(stack.rp.startUrl({ scope: "openid offline_access profile email" }));
        await signIn(page, stack);
        for (const scope of ["openid", "offline_access", "profile", "email"]) {
          await expect(page.locator(`[id="${scope}"]`)).toBeVisible();
        }
        await allowConsent(page);
        const result = await callbackResult(page, stack);
        expect(result, JSON.stringify(result)).toMatchObject({ result: "success" });
        const tokens = stack.rp.lastTokens!;
        const claims = tokens.id_token_claims!;

        // The subject is the account's stable id, never the e-mail address.
        expect(claims.sub).toMatch(uuid);
        expect(claims.sid).toEqual(expect.any(String));
        expect(claims).toMatchObject({
          acr: "1",
          amr: ["pwd"],
          email: stack.user.email,
          email_verified: true,
          name: stack.user.name,
          given_name: stack.user.givenName,
          family_name: stack.user.familyName,
        });
        expect(tokens.refresh_token).toEqual(expect.any(String));
        expect(tokens.scope?.split(" ").sort()).toEqual(["email", "offline_access", "openid", "profile"]);

        if (strategy === "jwt") {
          const { payload } = decodeJwt(tokens.access_token);
          expect(payload).toMatchObject({ sub: claims.sub, client_id: currentClientId(stack) });
          expect(payload.scp).toEqual(expect.arrayContaining(["openid", "email", "profile", "offline_access"]));
        } else {
          expect(tokens.access_token).toMatch(/^ory_at_/);
        }

        const introspection = await stack.rp.introspect(tokens.access_token);
        expect(introspection).toMatchObject({
          active: true,
          sub: claims.sub,
          client_id: currentClientId(stack),
          token_use: "access_token",
        });

        const userinfo = await stack.rp.userinfo(tokens.access_token);
        expect(userinfo.status).toBe(200);
        expect(userinfo.body).toMatchObject({ sub: claims.sub, email: stack.user.email, name: stack.user.name });
      });
    });

    test.describe("B. remembered login", () => {
      test("a remembered login skips the form and keeps the sid, auth_time and subject", async ({ page, stack }) => {
        const first = (await fullFlow(page, stack, { rememberLogin: true })).id_token_claims!;
        const session = (await page.context().cookies(stack.hydra.publicUrl)).find((c) => c.name.startsWith("ory_hydra_session"));
        expect(session, "Hydra's session cookie").toBeDefined();
        // Default REMEMBER_LOGIN_FOR is 30 days: the cookie's Max-Age.
        expect(session!.expires - Date.now() / 1000).toBeGreaterThan(29 * 24 * 3600);

        const logins = recordVisits(page, stack, "/login");
        await nextCallback(page, stack);
        await allowConsent(page);
        const result = await callbackResult(page, stack);
        expect(result.result).toBe("success");
        expect(logins).toHaveLength(1);
        expect(logins[0]!.redirected, "the login page accepted at once").toBe(true);

        const second = stack.rp.lastTokens!.id_token_claims!;
        expect(second.sub).toBe(first.sub);
        expect(second.sid).toBe(first.sid);
        expect(second.auth_time).toBe(first.auth_time);
        // On skip Hydra copies no acr/amr from the first login (consent/strategy_default.go); the app re-sends them.
        expect(second).toMatchObject({ acr: "1", amr: ["pwd"] });
      });

      test("a login without 'remember' is not remembered: the next authorization shows the form", async ({ page, stack }) => {
        await fullFlow(page, stack, { rememberLogin: false });
        await nextCallback(page, stack);
        await expect(page.locator("#password")).toBeVisible();
      });

      test("a login remembered for 2 seconds (client metadata remember_login_for) shows the form again after that", async ({
        page,
        stack,
      }) => {
        const client = await stack.addClient({ metadata: { remember_login_for: 2 } });
        await fullFlow(page, stack, { start: { client_id: client.client_id }, rememberLogin: true });
        // remember_for is only the cookie's Max-Age (§A3); the server-side session has no TTL.

        await sleep(3_000);
        const logins = recordVisits(page, stack, "/login");
        await nextCallback(page, stack, { client_id: client.client_id });
        await expect(page.locator("#password")).toBeVisible();
        expect(logins[0]?.status).toBe(200);
      });
    });

    test.describe("C. remembered consent", () => {
      test("a remembered consent skips the consent page and releases the same claims", async ({ page, stack }) => {
        const first = await fullFlow(page, stack, { start: { scope: "openid email" }, rememberLogin: true, rememberConsent: true });

        const consents = recordVisits(page, stack, "/consent");
        await nextCallback(page, stack, { scope: "openid email" });
        expect((await callbackResult(page, stack)).result).toBe("success");
        expect(consents).toHaveLength(1);
        expect(consents[0]!.redirected, "the consent page accepted at once").toBe(true);
        const second = stack.rp.lastTokens!;
        expect(second.scope?.split(" ").sort()).toEqual(["email", "openid"]);
        const pick = (c: Record<string, unknown>) => ({ sub: c.sub, email: c.email, email_verified: c.email_verified });
        expect(pick(second.id_token_claims!)).toEqual(pick(first.id_token_claims!));
        expect((await stack.rp.userinfo(second.access_token)).body).toMatchObject({ email: stack.user.email });
      });

      test("a scope the remembered consent does not cover, or prompt=consent, shows the consent page again", async ({
        page,
        stack,
      }) => {
        await fullFlow(page, stack, { start: { scope: "openid email" }, rememberLogin: true, rememberConsent: true });

        await nextCallback(page, stack, { scope: "openid email profile" });
        await expect(page.locator("#profile")).toBeVisible();

        await nextCallback(page, stack, { scope: "openid email", prompt: "consent" });
        await expect(page.locator("#email")).toBeVisible();
        await expect(page.locator("#accept")).toBeVisible();
      });

      test("a consent remembered for 2 seconds (client metadata remember_consent_for) is asked again after that", async ({
        page,
        stack,
      }) => {
        const client = await stack.addClient({ metadata: { remember_consent_for: 2 } });
        const start = { client_id: client.client_id, scope: "openid email" };
        await fullFlow(page, stack, { start, rememberLogin: true, rememberConsent: true });
        await sleep(3_000);
        await nextCallback(page, stack, start);
        await expect(page.locator("#accept")).toBeVisible();
        await expect(page.locator("#email")).toBeVisible();
      });
    });

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
