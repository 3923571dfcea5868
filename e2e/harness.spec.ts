// Proves the harness itself: Hydra v2.3.0 starts, the relying party discovers it,
// clients can be created, and an authorization request reaches the provider's login URL.
// Needs no browser and no app build.
import { expect, test } from "@playwright/test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRpClient, getClient } from "./harness/clients";
import { hydraCli, startHydra, type Hydra } from "./harness/hydra";
import { freePort } from "./harness/ports";
import { startRp, type RelyingParty } from "./harness/rp";
import { startStack } from "./harness/stack";

test("the Hydra binary is v2.3.0", async () => {
  const { code, output } = await hydraCli(["version"]);
  expect(code).toBe(0);
  expect(output).toMatch(/Version:\s+v2\.3\.0/);
});

test.describe("with Hydra on a memory DSN", () => {
  // The tests share one Hydra and build on each other (the client of one is used by the next).
  test.describe.configure({ mode: "serial" });
  let hydra: Hydra;
  let rp: RelyingParty;
  let appUrl: string;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    appUrl = `http://localhost:${await freePort()}`;
    hydra = await startHydra({ appUrl });
    rp = await startRp({ issuer: hydra.issuer, adminUrl: hydra.adminUrl });
  });

  test.afterAll(async () => {
    await rp?.stop();
    await hydra?.stop();
  });

  test("Hydra is ready on both ports and announces the localhost issuer", async ({ request }) => {
    expect((await request.get(`http://127.0.0.1:${hydra.publicPort}/health/ready`)).status()).toBe(200);
    expect((await request.get(`${hydra.adminUrl}/health/ready`)).status()).toBe(200);
    const discovery = await (await request.get(`${hydra.publicUrl}/.well-known/openid-configuration`)).json();
    expect(discovery.issuer).toBe(hydra.issuer);
    expect(hydra.issuer).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(discovery.end_session_endpoint).toBe(`${hydra.publicUrl}/oauth2/sessions/logout`);
    expect(discovery.subject_types_supported).toEqual(expect.arrayContaining(["public", "pairwise"]));
  });

  test("a client is created through the admin API and the RP discovers the issuer with it", async () => {
    const client = await createRpClient(hydra.adminUrl, rp.url, { skip_consent: true, metadata: { team: "e2e" } });
    expect(client.client_secret).toBeTruthy();
    const stored = await getClient(hydra.adminUrl, client.client_id);
    expect(stored).toMatchObject({
      client_id: client.client_id,
      redirect_uris: [rp.redirectUri],
      post_logout_redirect_uris: [rp.postLogoutRedirectUri],
      backchannel_logout_uri: `${rp.url}/backchannel`,
      skip_consent: true,
      metadata: { team: "e2e" },
    });
    await rp.addClient(client);
  });

  test("an authorization request reaches the login URL with a login_challenge", async ({ request }) => {
    const start = await request.get(rp.startUrl({ prompt: "login", login_hint: "foo@bar.com" }), { maxRedirects: 0 });
    expect(start.status()).toBe(302);
    const authorize = new URL(start.headers()["location"]!);
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${hydra.publicUrl}/oauth2/auth`);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("login_hint")).toBe("foo@bar.com");

    const hydraAnswer = await request.get(authorize.href, { maxRedirects: 0 });
    expect(hydraAnswer.status()).toBe(302);
    const login = new URL(hydraAnswer.headers()["location"]!);
    expect(`${login.origin}${login.pathname}`).toBe(`${appUrl}/login`);
    expect(login.searchParams.get("login_challenge")).toMatch(/^[\w-]{100,}={0,2}$/);
    // Hydra's CSRF cookie is set on the host the browser used: localhost, never 127.0.0.1.
    expect(hydraAnswer.headers()["set-cookie"]).toMatch(/ory_hydra_login_csrf_dev_\d+=/);
  });

  test("an unknown client is sent to the provider's error URL", async ({ request }) => {
    const answer = await request.get(`${hydra.publicUrl}/oauth2/auth?client_id=nobody&response_type=code&state=abcdefgh`, {
      maxRedirects: 0,
    });
    const location = new URL(answer.headers()["location"]!);
    expect(`${location.origin}${location.pathname}`).toBe(`${appUrl}/error`);
    expect(location.searchParams.get("error")).toBe("invalid_client");
  });

  test("the RP completes code flow, refresh and logout when decisions go straight to the admin API", async ({
    request,
  }) => {
    // Stands in for the provider app, so harness failures show up apart from app failures.
    const accept = async (kind: "login" | "consent" | "logout", location: string, body: object) => {
      const challenge = new URL(location).searchParams.get(`${kind}_challenge`)!;
      const answer = await request.put(
        `${hydra.adminUrl}/admin/oauth2/auth/requests/${kind}/accept?${kind}_challenge=${encodeURIComponent(challenge)}`,
        { data: body },
      );
      expect(answer.status(), await answer.text()).toBe(200);
      return ((await answer.json()) as { redirect_to: string }).redirect_to;
    };
    const next = async (url: string) => (await request.get(url, { maxRedirects: 0 })).headers()["location"]!;

    const loginUrl = await next(await next(rp.startUrl()));
    const consentUrl = await next(await accept("login", loginUrl, { subject: "foo@bar.com", remember: true, acr: "0" }));
    const callbackUrl = await next(
      await accept("consent", consentUrl, {
        grant_scope: ["openid", "offline_access", "email"],
        session: { id_token: { email: "foo@bar.com" }, access_token: { team: "e2e" } },
      }),
    );
    const callback = await (await request.get(callbackUrl)).json();
    expect(callback).toMatchObject({ result: "success", scope: "openid offline_access email" });
    expect(callback.id_token_claims).toMatchObject({ sub: "foo@bar.com", email: "foo@bar.com", iss: hydra.issuer });
    expect(rp.lastTokens?.access_token).toBe(callback.access_token);

    expect(await rp.introspect(callback.access_token)).toMatchObject({ active: true, sub: "foo@bar.com", ext: { team: "e2e" } });
    expect(await rp.userinfo(callback.access_token)).toMatchObject({ status: 200, body: { sub: "foo@bar.com" } });
    const refreshed = await rp.refresh(callback.refresh_token);
    expect(refreshed.refresh_token).not.toBe(callback.refresh_token);
    expect(refreshed.id_token_claims).toMatchObject({ sub: "foo@bar.com" });

    const logoutUrl = await next(await next(rp.logoutUrl({ state: "bye" })));
    expect(new URL(logoutUrl).pathname).toBe("/logout");
    const loggedOut = await (await request.get(await accept("logout", logoutUrl, {}))).json();
    expect(loggedOut).toEqual({ result: "logged-out", state: "bye" });
    await expect.poll(() => rp.backchannelTokens.length).toBe(1);
    const [logoutToken] = rp.backchannelTokens;
    expect(logoutToken!.error).toBeUndefined();
    expect(logoutToken!.verified).toBe(true);
    expect(logoutToken!.claims).toMatchObject({ iss: hydra.issuer, sid: callback.id_token_claims.sid });
  });

  test("the RP reports an error callback as JSON", async ({ request }) => {
    const answer = await request.get(`${rp.url}/callback?error=access_denied&error_description=no&state=s1`);
    expect(await answer.json()).toEqual({ result: "error", error: "access_denied", error_description: "no", state: "s1" });
  });
});

test("a file DSN is migrated and keeps clients across a restart", async () => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(join(tmpdir(), "hydra-harness-"));
  const hydra = await startHydra({ appUrl: "http://localhost:9", dsn: join(dir, "hydra.sqlite") });
  try {
    const client = await createRpClient(hydra.adminUrl, "http://localhost:9");
    await hydra.restart();
    expect(await getClient(hydra.adminUrl, client.client_id)).toMatchObject({ client_id: client.client_id });
  } finally {
    await hydra.stop();
    await rm(dir, { recursive: true, force: true });
  }
});

test("the full stack starts: the app is healthy and serves the login form for Hydra's challenge", async ({ request }) => {
  test.setTimeout(180_000);
  const stack = await startStack();
  try {
    const ready = await request.get(`${stack.app.url}/health/ready`);
    expect(ready.status(), await ready.text()).toBe(200);

    const login = await request.get(stack.rp.startUrl());
    expect(login.status()).toBe(200);
    const landed = new URL(login.url());
    expect(`${landed.origin}${landed.pathname}`).toBe(`${stack.app.url}/login`);
    expect(landed.searchParams.get("login_challenge")).toBeTruthy();
    expect(await login.text()).toContain('id="email"');
  } finally {
    await stack.stop();
  }
});
