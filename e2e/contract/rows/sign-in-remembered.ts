// Acceptance matrix rows A–C (docs/acceptance-matrix.md): a first sign-in, and the login and consent
// remembered after it, against real Hydra for both token strategies.
import { expect, test } from "../../harness/fixtures";
import { allowConsent, callbackResult, currentClientId, decodeJwt, describeRows, fullFlow, nextCallback, recordVisits, signIn, sleep, uuid, type Strategy } from "../helpers";

/** Registers these rows; the calling spec file sets the stack (one per access-token strategy). */
export function signInAndRememberRows(strategy: Strategy) {
  describeRows(strategy, () => {
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
        // remember_for is only the cookie's Max-Age; the server-side session has no TTL (acceptOAuth2LoginRequest, consent/handler.go).

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
  });
}
