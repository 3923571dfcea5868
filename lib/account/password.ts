import { type NewPasswordRuleProblem, minNewPasswordLength, newPasswordRuleProblem } from "@/lib/self-service/password-rule";

/** The same rule as at sign-up and reset (lib/self-service/password-rule.ts): a password changed here is held to it too. */
export const minPasswordLength = minNewPasswordLength;

export type NewPasswordProblem = NewPasswordRuleProblem | "mismatch";

/** Why a new password cannot be set, or undefined when it can. */
export function newPasswordProblem(next: string, confirm: string): NewPasswordProblem | undefined {
  return newPasswordRuleProblem(next) ?? (next !== confirm ? "mismatch" : undefined);
}
