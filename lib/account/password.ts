/**
 * At least 8 characters and no other composition rule, as NIST SP 800-63B
 * §5.1.1.2 advises; counted in code points, so an emoji is one character.
 */
export const minPasswordLength = 8;

export type NewPasswordProblem = "too_short" | "mismatch";

/** Why a new password cannot be set, or undefined when it can. */
export function newPasswordProblem(next: string, confirm: string): NewPasswordProblem | undefined {
  if ([...next].length < minPasswordLength) return "too_short";
  if (next !== confirm) return "mismatch";
  return undefined;
}
