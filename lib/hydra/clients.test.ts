import { describe, expect, it } from "vitest";
import { adminClientSchema } from "./clients";

// GET /admin/clients/{id} as Hydra v2.3.0 answers (client/.snapshots, with the id and times its snapshot leaves out).
const fetched = {
  client_id: "5f6c1a63-7a3a-4d5e-9b43-1d3f1b0f8e21",
  client_name: "update-existing-client-lifespans",
  redirect_uris: ["http://localhost:3000/cb"],
  grant_types: [],
  response_types: [],
  scope: "offline_access offline openid",
  audience: [],
  owner: "",
  policy_uri: "",
  allowed_cors_origins: [],
  tos_uri: "",
  client_uri: "",
  logo_uri: "",
  contacts: [],
  client_secret_expires_at: 0,
  subject_type: "public",
  jwks: {},
  token_endpoint_auth_method: "client_secret_basic",
  userinfo_signed_response_alg: "none",
  created_at: "2025-01-20T10:00:00Z",
  updated_at: "2025-01-20T10:05:00Z",
  metadata: {},
  skip_consent: false,
  skip_logout_consent: null,
  authorization_code_grant_access_token_lifespan: "31h0m0s",
  authorization_code_grant_id_token_lifespan: null,
  authorization_code_grant_refresh_token_lifespan: null,
  client_credentials_grant_access_token_lifespan: null,
  implicit_grant_access_token_lifespan: null,
  implicit_grant_id_token_lifespan: null,
  jwt_bearer_grant_access_token_lifespan: null,
  refresh_token_grant_id_token_lifespan: null,
  refresh_token_grant_access_token_lifespan: null,
  refresh_token_grant_refresh_token_lifespan: "42h0m0s",
};

describe("adminClientSchema", () => {
  it("reads a client as Hydra v2.3.0 sends it", () => {
    const client = adminClientSchema.parse(fetched);
    expect(client).toMatchObject({
      client_id: fetched.client_id,
      scope: "offline_access offline openid",
      skip_logout_consent: null,
      authorization_code_grant_access_token_lifespan: "31h0m0s",
      refresh_token_grant_refresh_token_lifespan: "42h0m0s",
      jwks: {},
    });
  });

  it("reads the fields Hydra omits when empty (private_key_jwt, logout, strategy)", () => {
    const client = adminClientSchema.parse({
      ...fetched,
      token_endpoint_auth_method: "private_key_jwt",
      token_endpoint_auth_signing_alg: "ES256",
      jwks: { keys: [{ kty: "EC", crv: "P-256", kid: "k1", x: "x", y: "y", use: "sig", alg: "ES256" }] },
      backchannel_logout_uri: "https://app.example/logout",
      backchannel_logout_session_required: true,
      post_logout_redirect_uris: ["https://app.example/"],
      access_token_strategy: "jwt",
      metadata: ["not", "an", "object"],
    });
    expect(client.jwks?.keys?.[0]?.kid).toBe("k1");
    expect(client.access_token_strategy).toBe("jwt");
    expect(client.metadata).toEqual(["not", "an", "object"]);
  });

  it("never carries a secret or registration token, and needs an id", () => {
    const client = adminClientSchema.parse({ ...fetched, client_secret: "s", registration_access_token: "ory_at_x" });
    expect(client).not.toHaveProperty("client_secret");
    expect(client).not.toHaveProperty("registration_access_token");
    expect(adminClientSchema.safeParse({ ...fetched, client_id: undefined }).success).toBe(false);
  });
});
