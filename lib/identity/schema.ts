import type { Generated } from "kysely";

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  name: string | null;
  given_name: string | null;
  family_name: string | null;
  email_verified: Generated<number>;
  locale: string | null;
  picture: string | null;
  phone_number: string | null;
  phone_number_verified: Generated<number>;
  /** JSON of an OpenID Connect address claim. */
  address: string | null;
  created_at: string;
  updated_at: string;
  /** Account-page sessions begun before this time are over (sign out everywhere, a password change). */
  sessions_ended_at: string | null;
  /** Space-separated roles, e.g. "admin"; granted only by the users CLI. */
  roles: Generated<string>;
}

/** One change made from the admin console; `summary` is JSON, never with a secret in it. */
export interface AuditLogTable {
  id: string;
  seq: number;
  at: string;
  actor_subject: string;
  actor_email: string | null;
  action: string;
  target_type: string;
  target_id: string;
  summary: string;
  request_id: string | null;
}

/** Written by rate-limiter-flexible's stores, not by our queries (lib/server/sign-in-throttle.ts). */
export interface RateLimitsTable {
  key: string;
  points: number;
  expire: number | null;
}

/** An account's authenticator-app seed, sealed; `last_step` refuses a code of that step or earlier. */
export interface TotpFactorsTable {
  user_id: string;
  secret_sealed: string;
  last_step: number | null;
  created_at: string;
  /** Set when the first code was typed back: until then the factor is not used at sign-in. */
  confirmed_at: string | null;
}

export interface RecoveryCodesTable {
  code_hash: string;
  user_id: string;
  created_at: string;
  used_at: string | null;
}

export interface PasskeysTable {
  credential_id: string;
  user_id: string;
  public_key: string;
  sign_count: number;
  transports: string;
  device_type: string;
  backed_up: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** A passkey ceremony's challenge that was answered once and may never be again, kept until it would have expired. */
export interface SpentPasskeyChallengesTable {
  challenge: string;
  expires_at: string;
}

/** What one of Hydra's login sessions proved, kept until the session would expire. */
export interface LoginSessionLevelsTable {
  sid: string;
  acr: string;
  amr: string;
  expires_at: string;
}

/** An upstream's subject linked to an account; last_amr is a JSON array. */
export interface UpstreamLinksTable {
  provider: string;
  upstream_subject: string;
  user_id: string;
  created_at: string;
  last_used_at: string | null;
  last_acr: string | null;
  last_amr: string | null;
}

/** A link (and, for verification, a code) sent by e-mail; only hashes are kept. */
export interface EmailTokensTable {
  /** SHA-256 (base64url) of the link's random 32-byte token. */
  token_hash: string;
  purpose: string;
  user_id: string;
  /** HMAC-SHA256 of the typed code, keyed by the session secret: a short code's plain hash would fall to a dictionary. */
  code_hash: string | null;
  attempts: Generated<number>;
  /** The login challenge to come back to after the link, kept here rather than in the link. */
  login_challenge: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface Database {
  email_tokens: EmailTokensTable;
  users: UsersTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  totp_factors: TotpFactorsTable;
  recovery_codes: RecoveryCodesTable;
  passkeys: PasskeysTable;
  login_session_levels: LoginSessionLevelsTable;
  spent_passkey_challenges: SpentPasskeyChallengesTable;
  upstream_links: UpstreamLinksTable;
}
