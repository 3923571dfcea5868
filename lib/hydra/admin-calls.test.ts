import { type IncomingMessage, type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createAdminClient, getClient, listClients, revokeClientTokens, setClient } from "./clients";
import { HydraError } from "./errors";
import { trustIssuer } from "./jwt-issuers";
import { exchangeCode, introspect, revokeToken } from "./tokens";

/** A stand-in for Hydra (one origin for admin and public, as on Ory Network): records each request, answers from `reply`. */
type Seen = { method: string; url: string; authorization?: string; body: string };
let seen: Seen[] = [];
let reply: (request: Seen) => { status: number; body?: unknown; headers?: Record<string, string> };
let server: Server;

const read = async (request: IncomingMessage) => {
  let body = "";
  for await (const chunk of request) body += chunk;
  return body;
};

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const call = { method: request.method ?? "", url: request.url ?? "", authorization: request.headers.authorization, body: await read(request) };
    seen.push(call);
    const { status, body, headers } = reply(call);
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  vi.stubEnv("SESSION_SECRET", "s".repeat(32));
  vi.stubEnv("ORY_PROJECT_URL", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  vi.stubEnv("ORY_API_KEY", "ory_pat_admin");
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen = [];
});

const form = (body: string) => Object.fromEntries(new URLSearchParams(body));
const client = { client_id: "c1", client_name: "App", scope: "openid" };

describe("clients", () => {
  it("lists a filtered page: the page size and filter go to Hydra, its unfiltered count does not come back", async () => {
    reply = () => ({
      status: 200,
      body: [client, { ...client, client_id: "c2" }],
      headers: { link: '</admin/clients?client_name=App&page_size=2&page_token=eyJvZmZzZXQiOiIyIiwidiI6Mn0>; rel="next"', "x-total-count": "7" },
    });
    const page = await listClients({ pageSize: 2, clientName: "App" });
    expect(seen[0]).toMatchObject({ method: "GET", url: "/admin/clients?page_size=2&client_name=App", authorization: "Bearer ory_pat_admin" });
    expect(page.clients.map((c) => c.client_id)).toEqual(["c1", "c2"]);
    expect(page).toMatchObject({ nextPageToken: "eyJvZmZzZXQiOiIyIiwidiI6Mn0", total: undefined });
  });

  it("returns the one-time secret of a created client, never its registration token", async () => {
    reply = () => ({ status: 201, body: { ...client, client_secret: "generated", registration_access_token: "ory_at_reg" } });
    const created = await createAdminClient({ client_name: "App" });
    expect(created.client_secret).toBe("generated");
    expect(created).not.toHaveProperty("registration_access_token");
    expect(JSON.parse(seen[0]?.body ?? "")).toEqual({ client_name: "App" });
  });

  it("finds no client on a 404 and keeps Hydra's words on a refused body", async () => {
    reply = () => ({ status: 404, body: { error: "Unable to locate the resource", error_description: "" } });
    await expect(getClient("nope")).resolves.toBeUndefined();
    const description = "Field client_secret must contain a secret that is at least 6 characters long.";
    reply = () => ({ status: 400, body: { error: "invalid_client_metadata", error_description: description } });
    const refused = await setClient("c1", { client_secret: "short" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(HydraError);
    expect(refused).toMatchObject({ failure: { kind: "invalid" }, status: 400, detail: { error: "invalid_client_metadata", description } });
  });

  it("deletes a client's access tokens by its id", async () => {
    reply = () => ({ status: 204 });
    await revokeClientTokens("c 1");
    expect(seen[0]).toMatchObject({ method: "DELETE", url: "/admin/oauth2/tokens?client_id=c%201" });
  });
});

describe("jwt issuers", () => {
  it("sends the public part of the key only", async () => {
    reply = () => ({ status: 201, body: { id: "g1", issuer: "https://idp", subject: "s", scope: ["openid"], public_key: { set: "https://idp", kid: "k1" } } });
    const jwk = { kty: "EC", crv: "P-256", x: "x", y: "y", d: "PRIVATE", kid: "k1", alg: "ES256", use: "sig" };
    await trustIssuer({ issuer: "https://idp", subject: "s", scope: ["openid"], expiresAt: new Date("2026-01-01T00:00:00Z"), jwk });
    const body = JSON.parse(seen[0]?.body ?? "");
    expect(body).toMatchObject({ issuer: "https://idp", subject: "s", expires_at: "2026-01-01T00:00:00.000Z", jwk: { kid: "k1", x: "x" } });
    expect(body.jwk).not.toHaveProperty("d");
  });
});

describe("tokens", () => {
  const issued = { access_token: "at", refresh_token: "rt", id_token: "it", expires_in: 3600, scope: "openid offline", token_type: "bearer" };

  it("redeems a code with PKCE as a confidential client, without the admin key", async () => {
    reply = () => ({ status: 200, body: issued });
    const tokens = await exchangeCode({ code: "code", redirectUri: "https://app/cb", codeVerifier: "verifier", clientId: "c1", clientSecret: "secret" });
    expect(seen[0]).toMatchObject({ method: "POST", url: "/oauth2/token", authorization: `Basic ${Buffer.from("c1:secret").toString("base64")}` });
    expect(form(seen[0]?.body ?? "")).toEqual({ grant_type: "authorization_code", code: "code", redirect_uri: "https://app/cb", code_verifier: "verifier" });
    expect(tokens).toMatchObject({ accessToken: "at", refreshToken: "rt", idToken: "it", scope: "openid offline" });
  });

  it("revokes as a public client, naming itself in the body", async () => {
    reply = () => ({ status: 200 });
    await revokeToken({ token: "rt", clientId: "spa" });
    expect(seen[0]).toMatchObject({ url: "/oauth2/revoke", authorization: undefined });
    expect(form(seen[0]?.body ?? "")).toEqual({ token: "rt", client_id: "spa" });
  });

  it("introspects on the admin API", async () => {
    reply = () => ({ status: 200, body: { active: false } });
    await expect(introspect("at", "openid")).resolves.toEqual({ active: false });
    expect(seen[0]).toMatchObject({ url: "/admin/oauth2/introspect", authorization: "Bearer ory_pat_admin" });
    expect(form(seen[0]?.body ?? "")).toEqual({ token: "at", scope: "openid" });
  });
});
