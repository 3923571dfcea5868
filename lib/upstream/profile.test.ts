import { describe, expect, it } from "vitest";
import { mapProfile, withPostedName } from "./profile";

const fromIdToken = mapProfile({ email: "ada@example.com", email_verified: true }, { email: "email", email_verified: "email_verified", name: "name" });

describe("the name Sign in with Apple posts once", () => {
  it("fills the names the ID token lacks", () => {
    const posted = JSON.stringify({ name: { firstName: "Ada", lastName: "Lovelace" }, email: "ada@example.com" });
    expect(withPostedName(fromIdToken, posted)).toEqual({ ...fromIdToken, name: "Ada Lovelace", givenName: "Ada", familyName: "Lovelace" });
  });

  it("never replaces what the claims said", () => {
    const claimed = { ...fromIdToken, name: "Countess of Lovelace" };
    expect(withPostedName(claimed, JSON.stringify({ name: { firstName: "Ada" } }))).toEqual({ ...claimed, givenName: "Ada" });
  });

  it.each([null, "", "not json", "null", "[]", '{"name":"Ada"}', '{"name":{"firstName":42,"lastName":""}}', JSON.stringify({ name: { firstName: "x".repeat(201) } })])(
    "ignores %j",
    (posted) => {
      expect(withPostedName(fromIdToken, posted)).toEqual(fromIdToken);
    },
  );
});
