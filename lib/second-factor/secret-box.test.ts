import { describe, expect, it } from "vitest";
import { needsResealing, openSecret, sealSecret } from "./secret-box";

const one = { "1": "a".repeat(32) };
const rotated = { "2": "b".repeat(32), "1": "a".repeat(32) };

describe("the secret box", () => {
  it("opens what it sealed, and never shows the secret in the sealed text", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", "totp", one);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openSecret(sealed, "totp", one)).toBe("JBSWY3DPEHPK3PXP");
    expect(sealSecret("JBSWY3DPEHPK3PXP", "totp", one)).not.toBe(sealed);
  });

  it("opens old seals after a rotation, seals with the newest key, and says which to seal again", () => {
    const old = sealSecret("secret", "totp", one);
    expect(openSecret(old, "totp", rotated)).toBe("secret");
    expect(needsResealing(old, rotated)).toBe(true);
    const fresh = sealSecret("secret", "totp", rotated);
    expect(fresh.split(".")[1]).toBe("2");
    expect(needsResealing(fresh, rotated)).toBe(false);
    // Once the old secret is gone from the configuration, its seals no longer open.
    expect(openSecret(old, "totp", { "2": rotated["2"] })).toBeUndefined();
  });

  it.each([
    ["another purpose", (s: string) => s, "recovery"],
    ["a flipped byte", (s: string) => `${s.slice(0, -2)}${s.at(-2) === "A" ? "B" : "A"}${s.at(-1)}`, "totp"],
    ["garbage", () => "not.a.sealed.value", "totp"],
    ["another version", (s: string) => s.replace(/^s1/, "s9"), "totp"],
  ])("opens nothing from %s", (_, change, purpose) => {
    expect(openSecret(change(sealSecret("secret", "totp", one)), purpose, one)).toBeUndefined();
  });
});
