import { describe, expect, it } from "vitest";
import { deleteIssuerFormSchema, issuerIdQuerySchema, issuerListQuerySchema, issuerNoticeSchema, trustIssuerFormSchema } from "./admin-issuers";

const id = "9edc811f-4e28-453c-9b46-4de65f00217f";

describe("issuer queries", () => {
  it("reads the list's filter and page, dropping what is malformed", () => {
    expect(issuerListQuerySchema.parse({ issuer: " https://idp ", page_token: "eyJvZmZzZXQiOiIyMCIsInYiOjJ9" })).toEqual({ issuer: "https://idp", page_token: "eyJvZmZzZXQiOiIyMCIsInYiOjJ9" });
    expect(issuerListQuerySchema.parse({})).toEqual({ issuer: "" });
    expect(issuerListQuerySchema.parse({ issuer: ["a", "b"], page_token: "<x>" })).toEqual({ issuer: "" });
    expect(issuerListQuerySchema.parse({ issuer: "x".repeat(1001) }).issuer).toBe("");
  });

  it("takes a grant id, or none", () => {
    expect(issuerIdQuerySchema.parse({ id })).toEqual({ id });
    expect(issuerIdQuerySchema.parse({ id: "../clients" })).toEqual({});
    expect(issuerIdQuerySchema.parse({ id: [id, id] })).toEqual({});
    expect(issuerIdQuerySchema.parse({})).toEqual({});
  });

  it("knows one notice", () => {
    expect(issuerNoticeSchema.parse("deleted")).toBe("deleted");
    expect(issuerNoticeSchema.parse("<b>")).toBeNull();
  });
});

describe("issuer forms", () => {
  it("keeps the trust form's fields as typed, each with a default", () => {
    expect(trustIssuerFormSchema.parse({ csrf: "t", issuer: "https://idp" })).toEqual({
      csrf: "t",
      issuer: "https://idp",
      subject_kind: "subject",
      subject: "",
      scope: "",
      expires_at: "",
      jwk: "",
      jwk_file: "",
    });
    expect(trustIssuerFormSchema.parse({ subject_kind: "any" }).subject_kind).toBe("any");
    expect(trustIssuerFormSchema.parse({ subject_kind: "everyone" }).subject_kind).toBe("subject");
  });

  it("refuses what no form of ours sends", () => {
    expect(trustIssuerFormSchema.safeParse({ jwk: "x".repeat(16 * 1024 + 1) }).success).toBe(false);
    expect(trustIssuerFormSchema.safeParse({ issuer: null }).success).toBe(false);
    expect(deleteIssuerFormSchema.safeParse({ csrf: "t", id }).success).toBe(true);
    expect(deleteIssuerFormSchema.safeParse({ csrf: "t", id: "" }).success).toBe(false);
    expect(deleteIssuerFormSchema.safeParse({ csrf: "t", id: "a/b" }).success).toBe(false);
  });
});
