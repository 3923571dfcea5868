import { describe, expect, it } from "vitest";
import { minPasswordLength, newPasswordProblem } from "./password";

describe("newPasswordProblem", () => {
  it("holds a change to the sign-up rule: twelve characters, counted as a person counts them, and not a common password", () => {
    expect(minPasswordLength).toBe(12);
    expect(newPasswordProblem("12345678901", "12345678901")).toBe("too_short");
    expect(newPasswordProblem("a long passphrase", "a long passphrase")).toBeUndefined();
    // Eleven emoji are twenty-two UTF-16 units, and still eleven characters.
    expect(newPasswordProblem("🔑".repeat(11), "🔑".repeat(11))).toBe("too_short");
    expect(newPasswordProblem("qwerty123456", "qwerty123456")).toBe("too_common");
  });

  it("wants the repeated password to be the same", () => {
    expect(newPasswordProblem("long enough, really", "long enough, reallY")).toBe("mismatch");
  });
});
