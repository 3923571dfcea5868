import { dictionary } from "@zxcvbn-ts/language-common";

/**
 * At least 12 characters, no composition rules, and not a known common
 * password (NIST SP 800-63B §5.1.1.2). Counted in code points.
 */
export const minNewPasswordLength = 12;

/*
 * The list: zxcvbn-ts's "passwords-common" dictionary (49k entries from leaked
 * password corpora, MIT). Chosen over fxa-common-password-list because it is
 * maintained, typed, and the same list a strength meter built on zxcvbn uses,
 * so the page and any meter agree. Most entries are shorter than 12 characters;
 * the length rule covers those, the list the long, popular ones ("qwerty123456").
 */
let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"]);
  return common;
}

export type NewPasswordRuleProblem = "too_short" | "too_common";

export function newPasswordRuleProblem(password: string): NewPasswordRuleProblem | undefined {
  if ([...password].length < minNewPasswordLength) return "too_short";
  if (commonPasswords().has(password.toLowerCase())) return "too_common";
  return undefined;
}
