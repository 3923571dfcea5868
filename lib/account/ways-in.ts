/** One upstream link as the removal decision sees it: configured is false once its provider left UPSTREAM_PROVIDERS. */
export type LinkWayIn = { provider: string; subject: string; configured: boolean };

/** Every way the account can be signed in to, as it stands now. */
export type WaysIn = {
  hasPassword: boolean;
  /** Passkeys that sign in: none while PASSKEYS is off. */
  passkeys: number;
  links: readonly LinkWayIn[];
};

export type LinkRemoval = { kind: "allowed" } | { kind: "last_way_in" } | { kind: "not_linked" };

/**
 * Whether a link may go. It is refused when nothing would be left to sign in
 * with: no password, no passkey, and no other link to a provider that is
 * still configured (a link to a removed provider signs in to nothing). A
 * second factor is not a way in on its own, nor is a password reset, which
 * needs a password to reset.
 */
export function decideLinkRemoval(ways: WaysIn, target: { provider: string; subject: string }): LinkRemoval {
  const isTarget = (link: LinkWayIn) => link.provider === target.provider && link.subject === target.subject;
  if (!ways.links.some(isTarget)) return { kind: "not_linked" };
  if (ways.hasPassword || ways.passkeys > 0) return { kind: "allowed" };
  return ways.links.some((link) => !isTarget(link) && link.configured) ? { kind: "allowed" } : { kind: "last_way_in" };
}
