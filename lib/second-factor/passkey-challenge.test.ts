import { describe, expect, it } from "vitest";
import { challengeLifetimeMs, checkChallenge, issueChallenge } from "./passkey-challenge";

const key = "k".repeat(43);
const now = Date.UTC(2026, 10, 29, 12);
const issued = issueChallenge({ key, purpose: "sign_in", binding: "login-challenge-a", now });

describe("passkey challenges", () => {
  it("are at least 16 random bytes, base64url, and never the same twice", () => {
    expect(issued).toMatch(/^[A-Za-z0-9_-]{75,}$/);
    expect(issueChallenge({ key, purpose: "sign_in", binding: "login-challenge-a", now })).not.toBe(issued);
  });

  it("are valid for their purpose and binding until they expire", () => {
    expect(checkChallenge({ key, purpose: "sign_in", binding: "login-challenge-a", now: now + 1000, challenge: issued })).toEqual({
      kind: "valid",
      expiresAt: new Date(now + challengeLifetimeMs),
    });
    expect(checkChallenge({ key, purpose: "sign_in", binding: "login-challenge-a", now: now + challengeLifetimeMs, challenge: issued })).toEqual({ kind: "expired" });
  });

  it("are refused for another flow, another purpose, or under another key", () => {
    expect(checkChallenge({ key, purpose: "sign_in", binding: "login-challenge-b", now, challenge: issued }).kind).toBe("invalid");
    expect(checkChallenge({ key, purpose: "register", binding: "login-challenge-a", now, challenge: issued }).kind).toBe("invalid");
    expect(checkChallenge({ key: "x".repeat(43), purpose: "sign_in", binding: "login-challenge-a", now, challenge: issued }).kind).toBe("invalid");
  });

  it("are refused when tampered with, truncated or not base64url", () => {
    const bytes = Buffer.from(issued, "base64url");
    // A later expiry written in by hand breaks the MAC.
    bytes.writeBigUInt64BE(BigInt(now + 10 * challengeLifetimeMs), 16);
    for (const challenge of [bytes.toString("base64url"), issued.slice(0, -4), `${issued}AAAA`, "", "not base64url!", "a".repeat(5000)]) {
      expect(checkChallenge({ key, purpose: "sign_in", binding: "login-challenge-a", now, challenge }).kind, challenge.slice(0, 20)).toBe("invalid");
    }
  });
});
