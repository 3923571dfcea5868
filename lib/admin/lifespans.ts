import type { OAuth2ClientTokenLifespans } from "@ory/client-fetch";

/**
 * The per-grant lifespans Hydra v2.3.0 knows (client.Lifespans in client/client.go).
 * The SDK's `device_authorization_grant_*` fields are left out on purpose: v2.3.0 has
 * no device flow, and its JSON decoder drops unknown fields, so they would be
 * "saved" and silently lost.
 */
export const lifespanFields = [
  "authorization_code_grant_access_token_lifespan",
  "authorization_code_grant_id_token_lifespan",
  "authorization_code_grant_refresh_token_lifespan",
  "client_credentials_grant_access_token_lifespan",
  "implicit_grant_access_token_lifespan",
  "implicit_grant_id_token_lifespan",
  "jwt_bearer_grant_access_token_lifespan",
  "refresh_token_grant_access_token_lifespan",
  "refresh_token_grant_id_token_lifespan",
  "refresh_token_grant_refresh_token_lifespan",
] as const satisfies readonly (keyof OAuth2ClientTokenLifespans)[];
export type LifespanField = (typeof lifespanFields)[number];

export const lifespanUnits = ["s", "m", "h", "d"] as const;
export type LifespanUnit = (typeof lifespanUnits)[number];
const unitSeconds: Record<LifespanUnit, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

export const lifespanMessageKeys = [
  "admin.lifespans.errors.number",
  "admin.lifespans.errors.unit",
  "admin.lifespans.errors.tooLong",
] as const;
export type LifespanMessageKey = (typeof lifespanMessageKeys)[number];

/**
 * Upper bounds, ours (Hydra checks none, and even accepts negative durations):
 * refresh tokens 720 days, the longest "stay signed in" we think sane for a
 * revocable grant; access and ID tokens 30 days, since a bearer token cannot be
 * recalled from a resource server that does not introspect. The lower bound is 1 s.
 */
export const lifespanMaxSeconds = { refresh_token: 720 * 86_400, access_token: 30 * 86_400, id_token: 30 * 86_400 } as const;

export function lifespanTokenKind(field: LifespanField): keyof typeof lifespanMaxSeconds {
  if (field.endsWith("_refresh_token_lifespan")) return "refresh_token";
  return field.endsWith("_id_token_lifespan") ? "id_token" : "access_token";
}

/** The form: `<field>` holds the number (empty: Hydra's default) and `<field>_unit` one of s, m, h, d. */
export type LifespanFormValues = Record<string, string>;

export type LifespanFormResult =
  | { ok: true; body: Required<Pick<OAuth2ClientTokenLifespans, LifespanField>>; values: LifespanFormValues }
  | { ok: false; errors: Partial<Record<LifespanField, LifespanMessageKey>>; values: LifespanFormValues };

/**
 * The body for PUT /admin/clients/{id}/lifespans. Every field is sent, null for
 * "Hydra's default": the handler replaces all lifespans with the body
 * (`c.Lifespans = ls` in setOAuth2ClientLifespans), so a field left out is reset anyway.
 */
export function lifespanForm(input: Readonly<Record<string, string | undefined>>): LifespanFormResult {
  const values: LifespanFormValues = {};
  const errors: Partial<Record<LifespanField, LifespanMessageKey>> = {};
  const body = {} as Record<LifespanField, string | null>;
  for (const field of lifespanFields) {
    const amount = (input[field] ?? "").trim();
    const unit = input[`${field}_unit`] ?? defaultUnit(field);
    values[field] = amount;
    values[`${field}_unit`] = unit;
    body[field] = null;
    if (amount === "") continue;
    if (!isUnit(unit)) errors[field] = "admin.lifespans.errors.unit";
    else if (!/^\d{1,9}$/.test(amount) || Number(amount) === 0) errors[field] = "admin.lifespans.errors.number";
    else {
      const seconds = Number(amount) * unitSeconds[unit];
      if (seconds > lifespanMaxSeconds[lifespanTokenKind(field)]) errors[field] = "admin.lifespans.errors.tooLong";
      else body[field] = goDuration(seconds);
    }
  }
  // The values come back either way: Hydra may still refuse what passed here.
  return Object.keys(errors).length > 0 ? { ok: false, errors, values } : { ok: true, body, values };
}

/** The form filled from Hydra's client: each lifespan in the largest unit that divides it. */
export function lifespanFormValues(client: Readonly<Partial<Record<LifespanField, string | null>>>): LifespanFormValues {
  const values: LifespanFormValues = {};
  for (const field of lifespanFields) {
    const seconds = parseGoDuration(client[field] ?? "");
    const unit = seconds === undefined ? defaultUnit(field) : largestUnit(seconds);
    values[field] = seconds === undefined ? "" : String(seconds / unitSeconds[unit]);
    values[`${field}_unit`] = unit;
  }
  return values;
}

/**
 * Whole seconds as Go's time.Duration.String() writes them ("1h0m0s", "1m30s",
 * "45s"), which is what Hydra parses (time.ParseDuration) and what it returns,
 * so a saved value compares equal to the one read back.
 */
export function goDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h${m}m${s}s`;
  return m > 0 ? `${m}m${s}s` : `${s}s`;
}

const goUnitSeconds: Record<string, number> = { ns: 1e-9, us: 1e-6, "µs": 1e-6, "μs": 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/**
 * A Go duration ("720h0m0s", "1.5h", "90s") in whole seconds, rounded, at least 1;
 * undefined for empty, zero, negative or unreadable text (the form then shows "default").
 */
export function parseGoDuration(text: string): number | undefined {
  if (!/^(\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))*$/.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += Number(amount) * (goUnitSeconds[unit ?? ""] ?? Number.NaN);
  }
  if (!Number.isFinite(total) || total <= 0) return undefined;
  return Math.max(1, Math.round(total));
}

function largestUnit(seconds: number): LifespanUnit {
  return [...lifespanUnits].reverse().find((unit) => seconds % unitSeconds[unit] === 0) ?? "s";
}

function defaultUnit(field: LifespanField): LifespanUnit {
  return lifespanTokenKind(field) === "refresh_token" ? "d" : "h";
}

function isUnit(value: string): value is LifespanUnit {
  return (lifespanUnits as readonly string[]).includes(value);
}
