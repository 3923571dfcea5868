import { describe, expect, it } from "vitest";
import { idTokenClaims } from "./claims";
import type { User } from "./user";

const user: User = {
  id: "u1",
  email: "foo@bar.com",
  emailVerified: true,
  name: "Foo Bar",
  givenName: "Foo",
  familyName: "Bar",
  locale: "en",
  phoneNumber: "+4912345",
  phoneNumberVerified: false,
  address: { country: "DE" },
  updatedAt: new Date("2026-01-02T03:04:05Z"),
  roles: [],
};

describe("idTokenClaims", () => {
  it("releases nothing without claim scopes", () => {
    expect(idTokenClaims(user, ["openid", "offline_access"])).toEqual({});
  });

  it("releases email claims only for the email scope", () => {
    expect(idTokenClaims(user, ["openid", "email"])).toEqual({ email: "foo@bar.com", email_verified: true });
  });

  it("releases profile claims for the profile scope, leaving out empty fields", () => {
    expect(idTokenClaims(user, ["profile"])).toEqual({
      name: "Foo Bar",
      given_name: "Foo",
      family_name: "Bar",
      locale: "en",
      updated_at: 1767323045,
    });
  });

  it("releases phone and address claims only when present and granted", () => {
    expect(idTokenClaims(user, ["phone", "address"])).toEqual({
      phone_number: "+4912345",
      phone_number_verified: false,
      address: { country: "DE" },
    });
    expect(idTokenClaims({ ...user, phoneNumber: undefined, address: undefined }, ["phone", "address"])).toEqual({});
  });
});
