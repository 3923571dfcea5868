import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./passwords";

describe("passwords", () => {
  it("hashes with argon2id at OWASP parameters", async () => {
    expect(await hashPassword("foobar")).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("foobar");
    expect(await verifyPassword(stored, "foobar")).toBe(true);
    expect(await verifyPassword(stored, "foobaz")).toBe(false);
  });

  it("refuses when there is no account, and survives a corrupt hash", async () => {
    expect(await verifyPassword(undefined, "foobar")).toBe(false);
    expect(await verifyPassword("not-a-hash", "foobar")).toBe(false);
  });
});
