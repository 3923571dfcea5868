import { describe, expect, it } from "vitest";
import { matchRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from "./recovery-codes";

describe("recovery codes", () => {
  it("are ten distinct codes of ten Crockford characters, stored only as hashes", () => {
    const { codes, hashes } = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    for (const hash of hashes) expect(codes.some((code) => hash.includes(code.replace("-", "")))).toBe(false);
  });

  it("match as typed in any case, with or without the dash, and with O, I and L misread", () => {
    const { codes, hashes } = newRecoveryCodes();
    const code = codes[3]!;
    expect(matchRecoveryCode(code, hashes)).toBe(3);
    expect(matchRecoveryCode(code.toLowerCase().replace("-", " "), hashes)).toBe(3);
    expect(normaliseRecoveryCode("oil-10 ")).toBe("01110");
  });

  it("match nothing once their hash is gone (used), nor when malformed", () => {
    const { codes, hashes } = newRecoveryCodes();
    expect(matchRecoveryCode(codes[0]!, hashes.slice(1))).toBe(-1);
    for (const typed of ["", "ABCDE", "ABCDE-FGHJK-MNPQR", "ÀBCDE-FGHJK", "U".repeat(10)]) expect(matchRecoveryCode(typed, hashes)).toBe(-1);
  });
});
