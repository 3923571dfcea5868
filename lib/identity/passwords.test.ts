import { describe, expect, it } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "./passwords";

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

describe("needsRehash", () => {
  it("keeps hashes made with today's parameters", async () => {
    expect(needsRehash(await hashPassword("foobar"))).toBe(false);
  });

  it("asks for a new hash when the algorithm or parameters changed", () => {
    expect(needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA")).toBe(true);
    expect(needsRehash("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA")).toBe(true);
    expect(needsRehash("$2b$10$abcdefghijklmnopqrstuv")).toBe(true);
  });
});
