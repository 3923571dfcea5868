import { describe, expect, it } from "vitest";
import { challengeHash, withoutChallenges } from "./redaction";

describe("challengeHash", () => {
  const challenge = "Ab-_".repeat(400);

  it("is 12 base64url characters of the challenge's SHA-256, the same for the same challenge", () => {
    expect(challengeHash(challenge)).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(challengeHash(challenge)).toBe(challengeHash(challenge));
    // echo -n abc | sha256sum → ba7816bf… → base64url ungWv48Bz+pB…
    expect(challengeHash("abc")).toBe("ungWv48Bz-pB");
  });

  it("differs between challenges and holds nothing of the challenge", () => {
    expect(challengeHash(`${challenge}x`)).not.toBe(challengeHash(challenge));
    expect(challenge).not.toContain(challengeHash(challenge));
  });
});

describe("withoutChallenges", () => {
  it("blanks every challenge parameter in a URL quoted by an error", () => {
    const text = "GET http://hydra/admin/oauth2/auth/requests/login?login_challenge=SECRET1&x=1 failed; consent_challenge=SECRET2 logout_challenge=SECRET3";
    const scrubbed = withoutChallenges(text);
    for (const secret of ["SECRET1", "SECRET2", "SECRET3"]) expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain("login_challenge=[redacted]&x=1");
  });
});
