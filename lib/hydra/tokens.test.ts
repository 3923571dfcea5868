import type { HTTPRequestInit, RequestOpts } from "@ory/client-fetch";
import { describe, expect, it } from "vitest";
import { asClient, introspectionSchema } from "./tokens";

/** What the SDK hands our override for a token request when an Ory API key is configured. */
async function sent(override: ReturnType<typeof asClient>) {
  const init: HTTPRequestInit = {
    method: "POST",
    headers: { Authorization: "Bearer ory_pat_admin" },
    body: new URLSearchParams({ grant_type: "authorization_code", code: "c" }),
  };
  const result = await override({ init, context: {} as RequestOpts });
  return { headers: result.headers as Record<string, string>, body: Object.fromEntries(result.body as URLSearchParams), signal: result.signal };
}

describe("asClient", () => {
  it("authenticates a confidential client with client_secret_basic, form-encoding id and secret", async () => {
    const { headers, body } = await sent(asClient({ clientId: "app:1", clientSecret: "s3cr%t" }, {}));
    expect(headers).toEqual({ authorization: `Basic ${Buffer.from("app%3A1:s3cr%25t").toString("base64")}` });
    expect(body).toEqual({ grant_type: "authorization_code", code: "c" });
  });

  it("names a public client in the body and sends no Authorization at all", async () => {
    const { headers, body } = await sent(asClient({ clientId: "spa" }, {}));
    expect(headers).toEqual({});
    expect(body).toEqual({ grant_type: "authorization_code", code: "c", client_id: "spa" });
  });

  it("adds the fields the SDK does not know and keeps the call's timeout", async () => {
    const signal = AbortSignal.timeout(1000);
    const { body, signal: kept } = await sent(asClient({ clientId: "spa" }, { signal }, { code_verifier: "v".repeat(43) }));
    expect(body.code_verifier).toBe("v".repeat(43));
    expect(kept).toBe(signal);
  });
});

describe("introspectionSchema", () => {
  it("reads Hydra v2.3.0's answer for an active access token", () => {
    const token = introspectionSchema.parse({
      active: true,
      scope: "openid offline_access",
      client_id: "c1",
      sub: "user-1",
      exp: 1767225600,
      iat: 1767222000,
      nbf: 1767222000,
      aud: [],
      iss: "http://localhost:4444/",
      token_type: "Bearer",
      token_use: "access_token",
      ext: { tenant: "a" },
    });
    expect(token).toMatchObject({ active: true, sub: "user-1", token_use: "access_token", ext: { tenant: "a" } });
  });

  it("reads an inactive token, which says nothing else", () => {
    expect(introspectionSchema.parse({ active: false })).toEqual({ active: false });
    expect(introspectionSchema.safeParse({}).success).toBe(false);
  });
});
