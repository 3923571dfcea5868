// Acceptance matrix rows M and N (docs/acceptance-matrix.md): Hydra's admin session operations and
// refresh/revocation, against real Hydra for both token strategies.
import { expect, test } from "../../harness/fixtures";
import { admin, currentClientId, describeRows, fullFlow, nextCallback, recordVisits, type Strategy } from "../helpers";

/** Registers these rows; the calling spec file sets the stack (one per access-token strategy). */
export function sessionAndTokenRows(strategy: Strategy) {
  describeRows(strategy, () => {
    test.describe("M. admin session operations", () => {
      test("a listed consent session, once revoked for its client, ends the tokens and brings the consent page back", async ({
        page,
        stack,
      }) => {
        const tokens = await fullFlow(page, stack, { start: { scope: "openid offline_access email" }, rememberLogin: true, rememberConsent: true });
        const sub = tokens.id_token_claims!.sub as string;

        const listed = await admin(stack, "GET", `/admin/oauth2/auth/sessions/consent?subject=${encodeURIComponent(sub)}`);
        expect(listed.status).toBe(200);
        // Every granted consent of the subject is listed, remembered or not, for every client.
        const ours = (listed.body as Array<{ consent_request: { client: { client_id: string } } }>).filter(
          (session) => session.consent_request.client.client_id === currentClientId(stack),
        );
        expect(ours).toHaveLength(1);
        expect(ours[0]).toMatchObject({
          remember: true,
          consent_request: { client: { client_id: currentClientId(stack) }, subject: sub },
        });
        expect([...(ours[0] as unknown as { grant_scope: string[] }).grant_scope].sort()).toEqual(["email", "offline_access", "openid"]);

        const revoked = await admin(
          stack,
          "DELETE",
          `/admin/oauth2/auth/sessions/consent?subject=${encodeURIComponent(sub)}&client=${encodeURIComponent(currentClientId(stack))}`,
        );
        expect(revoked.status).toBe(204);
        expect((await stack.rp.introspect(tokens.access_token)).active).toBe(false);
        expect((await stack.rp.introspect(tokens.refresh_token!)).active).toBe(false);
        await expect(stack.rp.refresh(tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });

        const logins = recordVisits(page, stack, "/login");
        await nextCallback(page, stack, { scope: "openid offline_access email" });
        await expect(page.locator("#accept")).toBeVisible();
        expect(logins.map((v) => v.redirected)).toEqual([true]);
      });

      test("revoking all consent sessions of a subject (all=true) empties the list and ends the tokens", async ({ page, stack }) => {
        const tokens = await fullFlow(page, stack, { rememberConsent: true });
        const sub = encodeURIComponent(tokens.id_token_claims!.sub as string);
        expect((await admin(stack, "DELETE", `/admin/oauth2/auth/sessions/consent?subject=${sub}&all=true`)).status).toBe(204);
        expect((await admin(stack, "GET", `/admin/oauth2/auth/sessions/consent?subject=${sub}`)).body).toEqual([]);
        expect((await stack.rp.introspect(tokens.access_token)).active).toBe(false);
      });

      test("revoking login sessions by subject shows the form next time, without back-channel logout", async ({ page, stack }) => {
        const tokens = await fullFlow(page, stack, { rememberLogin: true });
        const sub = encodeURIComponent(tokens.id_token_claims!.sub as string);
        expect((await admin(stack, "DELETE", `/admin/oauth2/auth/sessions/login?subject=${sub}`)).status).toBe(204);
        await nextCallback(page, stack);
        await expect(page.locator("#password")).toBeVisible();
        // persister: revoking by subject deletes the rows and runs no channel logout (consent/handler.go).
        expect(stack.rp.backchannelTokens).toHaveLength(0);
        // The tokens are not revoked by either form of login-session revocation.
        expect((await stack.rp.introspect(tokens.access_token)).active).toBe(true);
      });

      test("revoking a login session by sid runs the back-channel and shows the form next time", async ({ page, stack }) => {
        const claims = (await fullFlow(page, stack, { rememberLogin: true })).id_token_claims!;
        expect((await admin(stack, "DELETE", `/admin/oauth2/auth/sessions/login?sid=${encodeURIComponent(String(claims.sid))}`)).status).toBe(204);
        await expect.poll(() => stack.rp.backchannelTokens.length).toBe(1);
        expect(stack.rp.backchannelTokens[0]!.claims).toMatchObject({ sid: claims.sid });
        await nextCallback(page, stack);
        await expect(page.locator("#password")).toBeVisible();
      });
    });

    test.describe("N. refresh and revocation", () => {
      test("a refresh token rotates, and reusing the old one fails and ends the new one too", async ({ page, stack }) => {
        const first = await fullFlow(page, stack);
        const second = await stack.rp.refresh(first.refresh_token!);
        expect(second.refresh_token).toEqual(expect.any(String));
        expect(second.refresh_token).not.toBe(first.refresh_token);
        expect(second.access_token).not.toBe(first.access_token);
        // The refreshed ID token keeps the login's subject, sid and acr.
        expect(second.id_token_claims).toMatchObject({
          sub: first.id_token_claims!.sub,
          sid: first.id_token_claims!.sid,
          acr: "1",
        });
        expect((await stack.rp.userinfo(second.access_token)).status).toBe(200);

        await expect(stack.rp.refresh(first.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
        // Reuse detection (fosite handler/oauth2/flow_refresh.go) revokes the whole token family.
        await expect(stack.rp.refresh(second.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
        expect((await stack.rp.introspect(second.access_token)).active).toBe(false);
      });

      test("a revoked access token gets 401 request_unauthorized at /userinfo", async ({ page, stack }) => {
        const tokens = await fullFlow(page, stack);
        expect((await stack.rp.userinfo(tokens.access_token)).status).toBe(200);
        await stack.rp.revoke(tokens.access_token);
        const userinfo = await stack.rp.userinfo(tokens.access_token);
        expect(userinfo.status).toBe(401);
        expect(userinfo.body).toMatchObject({ error: "request_unauthorized" });
      });

      test("revoking the refresh token also ends its access token", async ({ page, stack }) => {
        const tokens = await fullFlow(page, stack);
        await stack.rp.revoke(tokens.refresh_token!);
        await expect(stack.rp.refresh(tokens.refresh_token!)).rejects.toMatchObject({ error: "invalid_grant" });
        const userinfo = await stack.rp.userinfo(tokens.access_token);
        expect(userinfo.status).toBe(401);
        expect(userinfo.body).toMatchObject({ error: "request_unauthorized" });
      });
    });
  });
}

