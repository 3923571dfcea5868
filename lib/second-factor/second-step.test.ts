import { describe, expect, it } from "vitest";
import { newRecoveryCodes } from "./recovery-codes";
import { readSecondStepCode } from "./second-step";
import { newTotp, totpCode } from "./totp";

describe("readSecondStepCode", () => {
  const { secret } = newTotp({ issuer: "Example", account: "a@example.com" });
  const { codes, hashes } = newRecoveryCodes();
  const now = Date.UTC(2026, 10, 27, 12, 0, 15);
  const step = Math.floor(now / 30_000);
  const read = (code: string, lastStep?: number) => readSecondStepCode({ code, secret, lastStep, unusedRecoveryCodes: hashes, now });

  it("reads six digits as the app's code, with one step of drift either way, and spaces ignored", () => {
    expect(read(totpCode(secret, now))).toEqual({ kind: "totp", step });
    expect(read(totpCode(secret, now - 30_000))).toEqual({ kind: "totp", step: step - 1 });
    expect(read(totpCode(secret, now + 30_000))).toEqual({ kind: "totp", step: step + 1 });
    const code = totpCode(secret, now);
    expect(read(`${code.slice(0, 3)} ${code.slice(3)}`)).toEqual({ kind: "totp", step });
  });

  it("refuses a code two steps late, a spent step, and a wrong code", () => {
    expect(read(totpCode(secret, now - 60_000))).toEqual({ kind: "wrong" });
    expect(read(totpCode(secret, now), step)).toEqual({ kind: "wrong" });
    const wrong = String((Number(totpCode(secret, now)) + 1) % 1_000_000).padStart(6, "0");
    expect(read(wrong)).toEqual({ kind: "wrong" });
  });

  it("reads anything else as a recovery code, in any case and without its dash", () => {
    const code = codes[3] as string;
    expect(read(code)).toEqual({ kind: "recovery_code", hash: hashes[3] });
    expect(read(code.toLowerCase().replace("-", ""))).toEqual({ kind: "recovery_code", hash: hashes[3] });
    expect(read("ABCDE-FGHJK")).toEqual({ kind: "wrong" });
    expect(read("")).toEqual({ kind: "wrong" });
  });
});
