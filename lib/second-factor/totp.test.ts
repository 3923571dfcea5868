import { describe, expect, it } from "vitest";
import { checkTotp, newTotp, totpCode, totpUri } from "./totp";

const now = Date.parse("2026-11-28T12:00:10Z");
const step = Math.floor(now / 30_000);

describe("TOTP", () => {
  it("enrols with a 160-bit base32 secret and an otpauth URI naming issuer and account", () => {
    const { secret, uri } = newTotp({ issuer: "Acme", account: "someone@example.com" });
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const url = new URL(uri);
    expect(url.protocol).toBe("otpauth:");
    expect(url.searchParams.get("secret")).toBe(secret);
    expect(url.searchParams.get("issuer")).toBe("Acme");
    expect(decodeURIComponent(url.pathname)).toContain("someone@example.com");
  });

  it("gives the same URI again for a secret already made", () => {
    const enrolment = newTotp({ issuer: "Acme", account: "someone@example.com" });
    expect(totpUri({ issuer: "Acme", account: "someone@example.com", secret: enrolment.secret })).toBe(enrolment.uri);
  });

  it("matches RFC 6238's SHA-1 test vector", () => {
    // Appendix B: the ASCII secret "12345678901234567890", T = 59 s, 8 digits 94287082: the last six.
    expect(totpCode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 59_000)).toBe("287082");
  });

  it("accepts the current code and one step of drift either way, and nothing further", () => {
    const { secret } = newTotp({ issuer: "Acme", account: "a" });
    for (const drift of [-1, 0, 1]) {
      expect(checkTotp({ secret, code: totpCode(secret, now + drift * 30_000), lastStep: undefined, now })).toEqual({ kind: "accepted", step: step + drift });
    }
    for (const drift of [-2, 2]) {
      expect(checkTotp({ secret, code: totpCode(secret, now + drift * 30_000), lastStep: undefined, now }).kind).toBe("wrong");
    }
  });

  it("refuses a code used before, and any code of an earlier step", () => {
    const { secret } = newTotp({ issuer: "Acme", account: "a" });
    const code = totpCode(secret, now);
    expect(checkTotp({ secret, code, lastStep: step, now })).toEqual({ kind: "reused" });
    expect(checkTotp({ secret, code: totpCode(secret, now - 30_000), lastStep: step, now })).toEqual({ kind: "reused" });
    expect(checkTotp({ secret, code: totpCode(secret, now + 30_000), lastStep: step, now })).toEqual({ kind: "accepted", step: step + 1 });
  });

  it.each(["", "12345", "1234567", "12a456", "١٢٣٤٥٦"])("refuses the malformed code %j as wrong", (code) => {
    const { secret } = newTotp({ issuer: "Acme", account: "a" });
    expect(checkTotp({ secret, code, lastStep: undefined, now }).kind).toBe("wrong");
  });

  it("reads a code typed with spaces, as apps show it", () => {
    const { secret } = newTotp({ issuer: "Acme", account: "a" });
    const code = totpCode(secret, now);
    expect(checkTotp({ secret, code: `${code.slice(0, 3)} ${code.slice(3)}`, lastStep: undefined, now }).kind).toBe("accepted");
  });
});
