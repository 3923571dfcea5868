import { describe, expect, it } from "vitest";
import { playgroundCallbackQuerySchema, playgroundTokensFormSchema } from "./admin-playground";
import { checkIntrospectForm, introspectFormSchema, maxTokenLength } from "./admin-tokens";

const form = (fields: Record<string, unknown>) => introspectFormSchema.parse({ csrf: "t", ...fields });

describe("checkIntrospectForm", () => {
  it("takes a pasted token without the whitespace around it, and normalised scopes", () => {
    expect(checkIntrospectForm(form({ token: "  ory_at_x\n", scope: " openid  email " }))).toEqual({ token: "ory_at_x", scope: "openid email" });
    expect(checkIntrospectForm(form({ token: "ory_at_x" }))).toEqual({ token: "ory_at_x", scope: "" });
  });

  it("refuses an empty or oversized token, and a scope no token can carry, as field errors", () => {
    expect(checkIntrospectForm(form({ token: "   " }))).toEqual({ errors: { token: "tokenMissing" } });
    expect(checkIntrospectForm(form({}))).toEqual({ errors: { token: "tokenMissing" } });
    expect(checkIntrospectForm(form({ token: "a".repeat(maxTokenLength + 1) }))).toEqual({ errors: { token: "tokenTooLong" } });
    expect(checkIntrospectForm(form({ token: "a".repeat(maxTokenLength) }))).toMatchObject({ token: "a".repeat(maxTokenLength) });
    expect(checkIntrospectForm(form({ token: "", scope: 'a"b' }))).toEqual({ errors: { token: "tokenMissing", scope: "scopeInvalid" } });
  });
});

describe("playgroundTokensFormSchema", () => {
  it("needs an access token and defaults the rest", () => {
    expect(playgroundTokensFormSchema.parse({ csrf: "t", client_id: "c", access_token: "a" })).toEqual({
      csrf: "t",
      client_id: "c",
      access_token: "a",
      refresh_token: "",
      id_token: "",
      expires_at: 0,
      scope: "",
      token: "access_token",
    });
    expect(playgroundTokensFormSchema.safeParse({ csrf: "t", client_id: "c", access_token: "" }).success).toBe(false);
    expect(playgroundTokensFormSchema.safeParse({ csrf: "t", client_id: "c", access_token: "a", token: "id_token" }).success).toBe(false);
  });
});

describe("playgroundCallbackQuerySchema", () => {
  it("reads Hydra's code and state, or its error, and drops repeated or oversized values", () => {
    expect(playgroundCallbackQuerySchema.parse({ code: "c", state: "s" })).toEqual({ code: "c", state: "s" });
    expect(playgroundCallbackQuerySchema.parse({ error: "access_denied", error_description: "denied" })).toEqual({ error: "access_denied", error_description: "denied" });
    expect(playgroundCallbackQuerySchema.parse({ code: ["a", "b"], state: "s".repeat(513) })).toEqual({});
  });
});
