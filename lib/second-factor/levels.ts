/**
 * What a sign-in proved, as the ID token reports it (OpenID Connect Core §2:
 * acr, amr; RFC 8176 method names). "1" is one factor; "2" is two, or one
 * that is itself two (a passkey whose authenticator verified the user).
 */
export type Level = "1" | "2";
export type Achieved = { acr: Level; amr: string[] };

export type Proof = { kind: "password" } | { kind: "passkey"; hardware: boolean; userVerified: boolean };

export function achievedBy(proof: Proof): Achieved {
  switch (proof.kind) {
    case "password":
      return { acr: "1", amr: ["pwd"] };
    case "passkey": {
      const key = proof.hardware ? "hwk" : "swk";
      return proof.userVerified ? { acr: "2", amr: [key, "user"] } : { acr: "1", amr: [key] };
    }
  }
}

/**
 * A first factor (a password, an upstream sign-in) followed by the second
 * step: the app's code adds "otp", a recovery code only "mfa", since RFC 8176
 * has no method name for a one-time code read from paper.
 */
export function withSecondFactor(first: Achieved, factor: "totp" | "recovery_code"): Achieved {
  const added = factor === "totp" ? ["otp", "mfa"] : ["mfa"];
  return { acr: "2", amr: [...first.amr.filter((method) => !added.includes(method)), ...added] };
}

/**
 * The level a flow must reach. acr_values lists the levels the client accepts
 * (OpenID Connect Core §3.1.2.1), so "2" is required only when it is the only
 * one of ours listed; a client's metadata.minimum_acr "2" requires it too.
 */
export function requiredLevel(acrValues: readonly string[], clientMinimumAcr: unknown): Level {
  if (clientMinimumAcr === "2") return "2";
  const ours = acrValues.filter((value) => value === "1" || value === "2");
  return ours.length > 0 && ours.every((value) => value === "2") ? "2" : "1";
}

/**
 * The next step of a sign-in. A password proved in this flow is followed by
 * the second factor whenever the account has one. A remembered login (Hydra's
 * skip) that already reached the level needs nothing; one below it asks for
 * the second factor only, since the password was proved when the session
 * began. An account with no second factor cannot reach "2": it is sent to
 * enrol, and the relying party gets an error rather than a level not met.
 */
export type NextStep = { kind: "done" } | { kind: "password" } | { kind: "second_factor" } | { kind: "enrol" };

export function nextSignInStep(options: {
  /** What this browser's session proved so far: in this flow, or kept from its remembered login. */
  proved: Achieved | undefined;
  /** The password (or passkey) was proved in this very flow, not remembered. */
  fresh: boolean;
  required: Level;
  accountHasSecondFactor: boolean;
}): NextStep {
  const { proved } = options;
  if (!proved) return { kind: "password" };
  if (proved.acr === "2") return { kind: "done" };
  if (options.fresh && options.accountHasSecondFactor) return { kind: "second_factor" };
  if (options.required === "1") return { kind: "done" };
  return options.accountHasSecondFactor ? { kind: "second_factor" } : { kind: "enrol" };
}
