import type { User } from "@/lib/identity/user";
import type { ClaimMapping } from "./config";

/** Who the upstream says the person is, in our terms (the account's own fields), from its claims through the provider's mapping. */
export type UpstreamProfile = Partial<Pick<User, "email" | "name" | "givenName" | "familyName" | "locale" | "picture">> & Pick<User, "emailVerified">;

const text = (value: unknown, max: number): string | undefined => (typeof value === "string" && value.trim() !== "" && value.length <= max ? value.trim() : undefined);

/** Only what looks like an address: the upstream's claims are data, not trusted input. */
const email = (value: unknown): string | undefined => {
  const candidate = text(value, 320);
  return candidate && /^[^\s@]+@[^\s@]+$/.test(candidate) ? candidate : undefined;
};

/** Some providers send email_verified as the string "true" (OpenID Connect Core §5.1 says boolean). */
const verified = (value: unknown): boolean => value === true || value === "true";

export function mapProfile(claims: Record<string, unknown>, mapping: ClaimMapping): UpstreamProfile {
  const from = (ours: keyof ClaimMapping) => {
    const theirs = mapping[ours];
    return theirs === undefined ? undefined : claims[theirs];
  };
  const picture = text(from("picture"), 2000);
  return {
    email: email(from("email")),
    emailVerified: verified(from("email_verified")),
    name: text(from("name"), 200),
    givenName: text(from("given_name"), 200),
    familyName: text(from("family_name"), 200),
    locale: text(from("locale"), 35),
    picture: picture && /^https:\/\//.test(picture) ? picture : undefined,
  };
}

/**
 * Sign in with Apple's name: never in its ID token, only in the `user` field
 * it posts with the first authorization of an app (as JSON, unsigned). It
 * fills what the claims left empty, for the account a first sign-in makes;
 * it never says who the person is.
 */
export function withPostedName(profile: UpstreamProfile, posted: string | null): UpstreamProfile {
  if (posted === null) return profile;
  let parsed: unknown;
  try {
    parsed = JSON.parse(posted);
  } catch {
    return profile;
  }
  const name = (parsed as { name?: unknown } | null)?.name;
  if (typeof name !== "object" || name === null) return profile;
  const givenName = text((name as Record<string, unknown>).firstName, 200);
  const familyName = text((name as Record<string, unknown>).lastName, 200);
  const fullName = [givenName, familyName].filter(Boolean).join(" ") || undefined;
  return { ...profile, givenName: profile.givenName ?? givenName, familyName: profile.familyName ?? familyName, name: profile.name ?? fullName };
}
