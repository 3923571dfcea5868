import { describe, expect, it } from "vitest";
import { minPasswordLength, newPasswordProblem } from "./password";

describe("newPasswordProblem", () => {
  it("wants at least eight characters, counted as a person counts them", () => {
    expect(minPasswordLength).toBe(8);
    expect(newPasswordProblem("1234567", "1234567")).toBe("too_short");
    expect(newPasswordProblem("12345678", "12345678")).toBeUndefined();
    // Seven emoji are fourteen UTF-16 units, and still seven characters.
    expect(newPasswordProblem("🔑".repeat(7), "🔑".repeat(7))).toBe("too_short");
  });

  it("wants the repeated password to be the same", () => {
    expect(newPasswordProblem("long enough", "long enougH")).toBe("mismatch");
  });
});
