import { matchRecoveryCode } from "./recovery-codes";
import { checkTotp } from "./totp";

/** What a code typed at the second step is: the app's code for a step not yet spent, one of the unused recovery codes, or neither. */
export type SecondStepCode = { kind: "totp"; step: number } | { kind: "recovery_code"; hash: string } | { kind: "wrong" };

/**
 * One field takes either: six digits are read as the app's code (±1 step of
 * drift, never a step already spent), anything else as a recovery code.
 */
export function readSecondStepCode(options: {
  code: string;
  secret: string;
  lastStep: number | undefined;
  unusedRecoveryCodes: readonly string[];
  now: number;
}): SecondStepCode {
  const { code } = options;
  if (/^\s*\d[\d\s]*$/.test(code)) {
    const totp = checkTotp({ secret: options.secret, code, lastStep: options.lastStep, now: options.now });
    return totp.kind === "accepted" ? { kind: "totp", step: totp.step } : { kind: "wrong" };
  }
  const index = matchRecoveryCode(code, options.unusedRecoveryCodes);
  const hash = options.unusedRecoveryCodes[index];
  return hash === undefined ? { kind: "wrong" } : { kind: "recovery_code", hash };
}
