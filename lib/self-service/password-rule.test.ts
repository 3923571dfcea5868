import { describe, expect, it } from "vitest";
import { newPasswordRuleProblem } from "./password-rule";

describe("a new password", () => {
  it("needs twelve characters, counted as people see them", () => {
    expect(newPasswordRuleProblem("short pass")).toBe("too_short");
    expect(newPasswordRuleProblem("😀".repeat(11))).toBe("too_short");
    expect(newPasswordRuleProblem("😀".repeat(12))).toBeUndefined();
  });
  it("is refused when it is a common password, in any case", () => {
    expect(newPasswordRuleProblem("qwerty123456")).toBe("too_common");
    expect(newPasswordRuleProblem("QWERTY123456")).toBe("too_common");
    expect(newPasswordRuleProblem("1q2w3e4r5t6y")).toBe("too_common");
  });
  it("has no composition rules", () => {
    expect(newPasswordRuleProblem("correct horse battery staple")).toBeUndefined();
    expect(newPasswordRuleProblem("alllowercaseletters")).toBeUndefined();
  });
});
