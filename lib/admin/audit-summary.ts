import { privateJwkMembers } from "./jwk";

/** One changed top-level field; a side is absent when the field was not set there. */
export type AuditChange = { field: string; before?: string; after?: string };

/** Top-level fields whose values never reach the audit log. */
export const secretFields = ["client_secret", "registration_access_token"] as const;
/** Metadata keys (at any depth) whose values are treated as secrets. */
export const secretLookingKey = /secret|password|token|key/i;
/** Bookkeeping Hydra changes on every write: listing it would bury the real change. */
const ignoredFields = new Set(["updated_at"]);
const maxShown = 200;

/**
 * What changed between two versions of a client or trusted issuer (either may be
 * undefined: created, deleted), field by field, for the audit log. Secrets show as
 * "(set)" or "(changed)", never their value: the client secret, the registration
 * token, a JWK's private members, and metadata under keys that look secret.
 */
export function auditSummary(before: object | undefined, after: object | undefined): AuditChange[] {
  const old = record(before);
  const now = record(after);
  const fields = [...new Set([...Object.keys(old), ...Object.keys(now)])].filter((field) => !ignoredFields.has(field)).sort();
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const a = present(old[field]);
    const b = present(now[field]);
    if (canonical(a) === canonical(b)) continue;
    const isSecret: SecretTest = (secretFields as readonly string[]).includes(field)
      ? () => true
      : field === "metadata"
        ? (key) => secretLookingKey.test(key)
        : (key, holder) => "kty" in holder && (privateJwkMembers as readonly string[]).includes(key);
    const change: AuditChange = { field };
    if (a !== undefined) change.before = shown(redacted({ [field]: a }, { [field]: b }, "before", field, isSecret));
    if (b !== undefined) change.after = shown(redacted({ [field]: b }, { [field]: a }, "after", field, isSecret));
    changes.push(change);
  }
  return changes;
}

type SecretTest = (key: string, holder: Record<string, unknown>) => boolean;

/** The field's value with every secret replaced by a marker; `other` is the other side, to tell "(changed)" from "(set)". */
function redacted(holder: Record<string, unknown>, other: unknown, side: "before" | "after", key: string, isSecret: SecretTest): unknown {
  const value = holder[key];
  const otherValue = isObject(other) ? (other as Record<string, unknown>)[key] : undefined;
  if (value === undefined) return undefined;
  if (isSecret(key, holder)) {
    return side === "after" && otherValue !== undefined && canonical(otherValue) !== canonical(value) ? "(changed)" : "(set)";
  }
  if (Array.isArray(value)) return value.map((_, index) => redacted(value as unknown as Record<string, unknown>, otherValue, side, String(index), isSecret));
  if (isObject(value)) {
    const object = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(object).map((child) => [child, redacted(object, otherValue, side, child, isSecret)]));
  }
  return value;
}

function shown(value: unknown): string {
  const text = typeof value === "string" ? value : canonical(value);
  return text.length > maxShown ? `${text.slice(0, maxShown - 1)}…` : text;
}

/** JSON with object keys sorted, so reordered metadata is no change. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    isObject(inner) && !Array.isArray(inner)
      ? Object.fromEntries(Object.keys(inner).sort().map((key) => [key, (inner as Record<string, unknown>)[key]]))
      : inner,
  ) ?? "";
}

function present(value: unknown): unknown {
  return value === null ? undefined : value;
}

function record(value: object | undefined): Record<string, unknown> {
  return value ? (JSON.parse(JSON.stringify(value)) as Record<string, unknown>) : {};
}

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}
