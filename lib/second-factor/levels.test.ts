import { describe, expect, it } from "vitest";
import { achievedBy, nextSignInStep, requiredLevel, withSecondFactor } from "./levels";

describe("achievedBy", () => {
  it.each([
    [{ kind: "password" } as const, { acr: "1", amr: ["pwd"] }],
    [{ kind: "passkey", hardware: true, userVerified: true } as const, { acr: "2", amr: ["hwk", "user"] }],
    [{ kind: "passkey", hardware: false, userVerified: true } as const, { acr: "2", amr: ["swk", "user"] }],
    [{ kind: "passkey", hardware: true, userVerified: false } as const, { acr: "1", amr: ["hwk"] }],
  ])("%j reports %j", (proof, achieved) => {
    expect(achievedBy(proof)).toEqual(achieved);
  });
});

describe("withSecondFactor", () => {
  it("adds otp and mfa for the app's code, mfa alone for a recovery code, after whatever the first factor was", () => {
    expect(withSecondFactor({ acr: "1", amr: ["pwd"] }, "totp")).toEqual({ acr: "2", amr: ["pwd", "otp", "mfa"] });
    expect(withSecondFactor({ acr: "1", amr: ["pwd"] }, "recovery_code")).toEqual({ acr: "2", amr: ["pwd", "mfa"] });
    expect(withSecondFactor({ acr: "1", amr: ["fed"] }, "totp")).toEqual({ acr: "2", amr: ["fed", "otp", "mfa"] });
    expect(withSecondFactor({ acr: "1", amr: ["fed", "pwd"] }, "recovery_code")).toEqual({ acr: "2", amr: ["fed", "pwd", "mfa"] });
  });
});

describe("requiredLevel", () => {
  it("is 2 when 2 is the only level of ours in acr_values, or the client's metadata sets minimum_acr 2, else 1", () => {
    expect(requiredLevel([], undefined)).toBe("1");
    expect(requiredLevel(["1"], "1")).toBe("1");
    expect(requiredLevel(["urn:unknown", "2"], undefined)).toBe("2");
    expect(requiredLevel(["1", "2"], undefined)).toBe("1");
    expect(requiredLevel(["2", "1"], undefined)).toBe("1");
    expect(requiredLevel(["urn:unknown"], undefined)).toBe("1");
    expect(requiredLevel(["1"], "2")).toBe("2");
    expect(requiredLevel([], "2")).toBe("2");
    expect(requiredLevel([], 2)).toBe("1");
  });
});

describe("nextSignInStep", () => {
  const one = { acr: "1" as const, amr: ["pwd"] };
  const two = { acr: "2" as const, amr: ["pwd", "otp", "mfa"] };

  it("asks for the password first", () => {
    expect(nextSignInStep({ proved: undefined, fresh: false, required: "1", accountHasSecondFactor: true })).toEqual({ kind: "password" });
  });

  it("follows a fresh password with the second factor whenever the account has one", () => {
    expect(nextSignInStep({ proved: one, fresh: true, required: "1", accountHasSecondFactor: true })).toEqual({ kind: "second_factor" });
    expect(nextSignInStep({ proved: one, fresh: true, required: "1", accountHasSecondFactor: false })).toEqual({ kind: "done" });
  });

  it("steps a remembered one-factor login up to the second factor only when the client asks for 2", () => {
    expect(nextSignInStep({ proved: one, fresh: false, required: "1", accountHasSecondFactor: true })).toEqual({ kind: "done" });
    expect(nextSignInStep({ proved: one, fresh: false, required: "2", accountHasSecondFactor: true })).toEqual({ kind: "second_factor" });
    expect(nextSignInStep({ proved: two, fresh: false, required: "2", accountHasSecondFactor: true })).toEqual({ kind: "done" });
  });

  it("sends an account without a second factor to enrol when 2 is required", () => {
    expect(nextSignInStep({ proved: one, fresh: true, required: "2", accountHasSecondFactor: false })).toEqual({ kind: "enrol" });
    expect(nextSignInStep({ proved: one, fresh: false, required: "2", accountHasSecondFactor: false })).toEqual({ kind: "enrol" });
  });
});
