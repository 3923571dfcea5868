import type { IssuerTrust, TrustedIssuer } from "@/lib/hydra/jwt-issuers";
import type { TrustIssuerForm } from "@/lib/validations/admin-issuers";
import { type JwkMessageKey, parsePublicJwk } from "./jwk";

export const issuerFormMessageKeys = [
  "admin.issuer.errors.issuerRequired",
  "admin.issuer.errors.issuerUrl",
  "admin.issuer.errors.subjectRequired",
  "admin.issuer.errors.subjectUnused",
  "admin.issuer.errors.scopeToken",
  "admin.issuer.errors.scopeTooMany",
  "admin.issuer.errors.expiryRequired",
  "admin.issuer.errors.expiryInvalid",
  "admin.issuer.errors.expiryPast",
  "admin.issuer.errors.jwkRequired",
  "admin.issuer.errors.jwkTwice",
] as const;
export type IssuerFormMessageKey = (typeof issuerFormMessageKeys)[number] | JwkMessageKey;

export const issuerFormFields = ["issuer", "subject_kind", "subject", "scope", "expires_at", "jwk"] as const;
export type IssuerFormField = (typeof issuerFormFields)[number];
export type IssuerFormValues = Record<IssuerFormField, string>;
/** A refusal, with what the message needs: the key's thumbprint when its kid is missing, the allowed algs when its alg is wrong. */
export type IssuerFormError = { key: IssuerFormMessageKey; detail?: string };
export type IssuerFormErrors = Partial<Record<IssuerFormField, IssuerFormError>>;
export type IssuerFormResult = { ok: true; trust: IssuerTrust; values: IssuerFormValues } | { ok: false; errors: IssuerFormErrors; values: IssuerFormValues };

const maxScopes = 100;
// RFC 6749 §3.3 scope-token: printable ASCII without space, quote and backslash.
const scopeToken = /^[\x21\x23-\x5B\x5D-\x7E]{1,256}$/;
// What <input type="datetime-local"> sends: minutes, optionally seconds and milliseconds.
const dateTimeLocal = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/** The empty form: one subject, and a trust that ends in 90 days unless changed. */
export function emptyIssuerForm(now: Date): IssuerFormValues {
  return { issuer: "", subject_kind: "subject", subject: "", scope: "", expires_at: expiryInputValue(new Date(now.getTime() + 90 * 86_400_000)), jwk: "" };
}

/** A date as a datetime-local input shows it, in UTC, to the minute. */
export function expiryInputValue(when: Date): string {
  return when.toISOString().slice(0, 16);
}

/**
 * The expiry typed in a datetime-local input, read as UTC (the form says so: the
 * server cannot know the browser's zone without script). It must be later than now,
 * or Hydra would store a trust that never verifies anything.
 */
export function parseExpiry(text: string, now: Date): { ok: true; expiresAt: Date } | { ok: false; error: IssuerFormMessageKey } {
  const value = text.trim();
  if (value === "") return { ok: false, error: "admin.issuer.errors.expiryRequired" };
  const parts = dateTimeLocal.exec(value);
  if (!parts) return { ok: false, error: "admin.issuer.errors.expiryInvalid" };
  const [year, month, day, hour, minute, second] = parts.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const millisecond = Number((parts[7] ?? "0").padEnd(3, "0"));
  const when = new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond));
  // Date.UTC rolls 31 February over into March: a date that does not exist is refused, not moved.
  const exists = when.getUTCFullYear() === year && when.getUTCMonth() === month - 1 && when.getUTCDate() === day && when.getUTCHours() === hour && when.getUTCMinutes() === minute && when.getUTCSeconds() === second;
  if (year < 1970 || !exists) {
    return { ok: false, error: "admin.issuer.errors.expiryInvalid" };
  }
  if (when.getTime() <= now.getTime()) return { ok: false, error: "admin.issuer.errors.expiryPast" };
  return { ok: true, expiresAt: when };
}

/** Space-separated scopes, each once, in the order typed. */
export function parseScopes(text: string): { ok: true; scopes: string[] } | { ok: false; error: IssuerFormMessageKey } {
  const scopes = [...new Set(text.split(/\s+/).filter(Boolean))];
  if (scopes.length > maxScopes) return { ok: false, error: "admin.issuer.errors.scopeTooMany" };
  if (!scopes.every((scope) => scopeToken.test(scope))) return { ok: false, error: "admin.issuer.errors.scopeToken" };
  return { ok: true, scopes };
}

/**
 * The issuer exactly as typed (less surrounding space): fosite compares it with the
 * assertion's `iss` as a string (rfc7523 findPublicKeyForToken), so it is checked to
 * be an absolute http(s) URL but never normalised.
 */
export function checkIssuer(text: string): IssuerFormMessageKey | undefined {
  const issuer = text.trim();
  if (issuer === "") return "admin.issuer.errors.issuerRequired";
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return "admin.issuer.errors.issuerUrl";
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password || /\s/.test(issuer)) return "admin.issuer.errors.issuerUrl";
  return undefined;
}

/**
 * The posted trust form, checked field by field, as Hydra's body or as the form to
 * show again. A subject or "any subject", never both (oauth2/trust/validator.go).
 * The key is pasted or uploaded, not both; a private key is refused and never
 * shown again, and an uploaded public key is put in the paste field so it need
 * not be chosen again.
 */
export async function readIssuerForm(form: TrustIssuerForm, now: Date): Promise<IssuerFormResult> {
  const pasted = form.jwk.trim();
  const uploaded = form.jwk_file.trim();
  const values: IssuerFormValues = {
    issuer: form.issuer.trim(),
    subject_kind: form.subject_kind,
    subject: form.subject.trim(),
    scope: form.scope.trim(),
    expires_at: form.expires_at.trim(),
    jwk: pasted || uploaded,
  };
  const errors: IssuerFormErrors = {};

  const issuerError = checkIssuer(values.issuer);
  if (issuerError) errors.issuer = { key: issuerError };

  const anySubject = values.subject_kind === "any";
  if (!anySubject && values.subject === "") errors.subject = { key: "admin.issuer.errors.subjectRequired" };
  if (anySubject && values.subject !== "") errors.subject = { key: "admin.issuer.errors.subjectUnused" };

  const scopes = parseScopes(values.scope);
  if (!scopes.ok) errors.scope = { key: scopes.error };

  const expiry = parseExpiry(values.expires_at, now);
  if (!expiry.ok) errors.expires_at = { key: expiry.error };

  let jwk: IssuerTrust["jwk"] | undefined;
  if (pasted && uploaded) {
    errors.jwk = { key: "admin.issuer.errors.jwkTwice" };
    values.jwk = pasted;
  } else if (!values.jwk) {
    errors.jwk = { key: "admin.issuer.errors.jwkRequired" };
  } else {
    const parsed = await parsePublicJwk(values.jwk);
    if (parsed.ok) jwk = parsed.jwk;
    else {
      errors.jwk = parsed.detail === undefined ? { key: parsed.error } : { key: parsed.error, detail: parsed.detail };
      // A private key is a secret: it is not written back into the page.
      if (parsed.error === "admin.issuer.errors.jwkPrivate") values.jwk = "";
    }
  }

  if (Object.keys(errors).length > 0 || !jwk || !scopes.ok || !expiry.ok) return { ok: false, errors, values };
  const trust: IssuerTrust = {
    issuer: values.issuer,
    ...(anySubject ? { allowAnySubject: true } : { subject: values.subject }),
    scope: scopes.scopes,
    expiresAt: expiry.expiresAt,
    jwk,
  };
  return { ok: true, trust, values };
}

/**
 * Other trusts of the same issuer filed under the same kid. Hydra keeps one key per
 * issuer and kid: a later trust with that kid keeps the key stored first
 * (persister_grant_jwk.go, CreateGrant), and deleting any of them deletes that key
 * (DeleteGrant), which deletes all of them through the trust table's foreign key
 * (migration 20211226155900000000_grant_jwk_bearer: ON DELETE CASCADE).
 */
export function trustsSharingKey(trusts: readonly TrustedIssuer[], trust: Pick<TrustedIssuer, "id" | "issuer" | "public_key">): TrustedIssuer[] {
  const kid = trust.public_key?.kid;
  if (!kid) return [];
  return trusts.filter((other) => other.id !== trust.id && other.issuer === trust.issuer && other.public_key?.kid === kid);
}

/** What the audit log keeps of a new trust: no key material beyond its kid and alg. */
export function trustAuditRecord(trust: IssuerTrust, saved: TrustedIssuer): Record<string, unknown> {
  return {
    issuer: saved.issuer,
    subject: saved.subject || undefined,
    allow_any_subject: saved.allow_any_subject || undefined,
    scope: saved.scope ?? trust.scope,
    expires_at: saved.expires_at ?? trust.expiresAt.toISOString(),
    key_id: trust.jwk.kid,
    key_alg: trust.jwk.alg,
  };
}

/** The alg recorded when the trust was made from this console (Hydra returns the kid, never the key). */
export function recordedKeyAlg(summary: unknown): string | undefined {
  if (!Array.isArray(summary)) return undefined;
  const change = summary.find((entry: unknown) => typeof entry === "object" && entry !== null && (entry as { field?: unknown }).field === "key_alg") as { after?: unknown } | undefined;
  return typeof change?.after === "string" && /^[A-Za-z0-9]{2,12}$/.test(change.after) ? change.after : undefined;
}
