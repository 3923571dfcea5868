import type { User } from "./user";

type Claims = Record<string, unknown>;

/**
 * OpenID Connect Core §5.4: which standard claims each scope releases. A claim
 * the user has no value for is left out rather than sent empty.
 */
const claimsByScope: Record<string, (user: User) => Claims> = {
  email: (u) => ({ email: u.email, email_verified: u.emailVerified }),
  profile: (u) => ({
    name: u.name,
    given_name: u.givenName,
    family_name: u.familyName,
    locale: u.locale,
    picture: u.picture,
    updated_at: Math.floor(u.updatedAt.getTime() / 1000),
  }),
  phone: (u) => (u.phoneNumber ? { phone_number: u.phoneNumber, phone_number_verified: u.phoneNumberVerified } : {}),
  address: (u) => (u.address ? { address: u.address } : {}),
};

export function idTokenClaims(user: User, grantedScopes: readonly string[]): Claims {
  const claims: Claims = {};
  for (const scope of grantedScopes) {
    const release = claimsByScope[scope];
    if (!release) continue;
    for (const [name, value] of Object.entries(release(user))) {
      if (value !== undefined && value !== null && value !== "") claims[name] = value;
    }
  }
  return claims;
}
