/**
 * Authentication methods (RFC 8176 `amr` values) and the `acr` level each
 * combination reaches. Documented in the README; "1" is single-factor.
 */
export type AuthMethod = "pwd";

export function acrForMethods(methods: readonly AuthMethod[]): string {
  return methods.length > 1 ? "2" : "1";
}
