import { type Kysely, type Migration, type MigrationProvider, sql } from "kysely";

const migrations: Record<string, Migration> = {
  "2026-11-26-01-users": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("name", "text")
        .addColumn("given_name", "text")
        .addColumn("family_name", "text")
        .addColumn("email_verified", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("locale", "text")
        .addColumn("picture", "text")
        .addColumn("phone_number", "text")
        .addColumn("phone_number_verified", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("address", "text")
        .addColumn("created_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
        .addColumn("updated_at", "text", (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("users").execute();
    },
  },
  "2026-11-27-01-sign-in-failures": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("sign_in_failures")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("count", "integer", (c) => c.notNull())
        .addColumn("last_at", "integer", (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("sign_in_failures").execute();
    },
  },
  /**
   * The sign-in limiter's counters (rate-limiter-flexible's layout for its
   * PostgreSQL and SQLite stores: a key, its points, and when it expires in ms).
   * They replace our own failure table, whose read-then-write could undercount
   * parallel attempts: the limiter counts with one atomic upsert.
   */
  "2026-11-28-01-rate-limits": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("rate_limits")
        .addColumn("key", "varchar(255)", (c) => c.primaryKey())
        .addColumn("points", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("expire", "bigint")
        .execute();
      await db.schema.dropTable("sign_in_failures").ifExists().execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("rate_limits").execute();
    },
  },
  "2026-11-28-02-sessions-ended-at": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("users").addColumn("sessions_ended_at", "text").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable("users").dropColumn("sessions_ended_at").execute();
    },
  },
  /**
   * The admin console: roles on accounts (space-separated; granted only by the users CLI) and
   * the audit log of every change made from the console. The log's `seq` orders entries on
   * both dialects (an ISO time alone can tie).
   */
  "2026-11-28-03-admin": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("users").addColumn("roles", "text", (c) => c.notNull().defaultTo("")).execute();
      await db.schema
        .createTable("audit_log")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("seq", "bigint", (c) => c.notNull().unique())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_subject", "text", (c) => c.notNull())
        .addColumn("actor_email", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target_type", "text", (c) => c.notNull())
        .addColumn("target_id", "text", (c) => c.notNull())
        .addColumn("summary", "text", (c) => c.notNull())
        .addColumn("request_id", "text")
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("audit_log").execute();
      await db.schema.alterTable("users").dropColumn("roles").execute();
    },
  },
  /**
   * Stronger sign-in: an authenticator-app seed per account (sealed, lib/second-factor/secret-box.ts)
   * with the last step it accepted, recovery codes as hashes, passkeys, and what each of Hydra's
   * login sessions proved (Hydra keeps no acr/amr of its own across a remembered login).
   */
  "2026-11-28-04-second-factors": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("totp_factors")
        .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
        .addColumn("secret_sealed", "text", (c) => c.notNull())
        .addColumn("last_step", "bigint")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("confirmed_at", "text")
        .execute();
      await db.schema
        .createTable("recovery_codes")
        .addColumn("code_hash", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .execute();
      await db.schema.createIndex("recovery_codes_user").on("recovery_codes").column("user_id").execute();
      await db.schema
        .createTable("passkeys")
        .addColumn("credential_id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("public_key", "text", (c) => c.notNull())
        .addColumn("sign_count", "bigint", (c) => c.notNull().defaultTo(0))
        .addColumn("transports", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("device_type", "text", (c) => c.notNull())
        .addColumn("backed_up", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_used_at", "text")
        .execute();
      await db.schema.createIndex("passkeys_user").on("passkeys").column("user_id").execute();
      await db.schema
        .createTable("login_session_levels")
        .addColumn("sid", "text", (c) => c.primaryKey())
        .addColumn("acr", "text", (c) => c.notNull())
        .addColumn("amr", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ["login_session_levels", "passkeys", "recovery_codes", "totp_factors"]) await db.schema.dropTable(table).execute();
    },
  },
  /**
   * Passkey ceremonies' challenges once they were answered: a challenge is
   * stateless (signed, lib/second-factor/passkey-challenge.ts), so this table
   * is what makes it single use. Rows past their expiry are deleted as new ones come.
   */
  "2026-11-28-05-spent-passkey-challenges": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("spent_passkey_challenges")
        .addColumn("challenge", "text", (c) => c.primaryKey())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("spent_passkey_challenges_expiry").on("spent_passkey_challenges").column("expires_at").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("spent_passkey_challenges").execute();
    },
  },
  /**
   * Sign-in through upstream OpenID providers: each link ties an upstream's stable subject to
   * one account. What the upstream reported at the last sign-in through it (its own acr and
   * amr) is kept with the link.
   */
  "2026-11-28-06-upstream-links": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("upstream_links")
        .addColumn("provider", "text", (c) => c.notNull())
        .addColumn("upstream_subject", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("last_used_at", "text")
        .addColumn("last_acr", "text")
        .addColumn("last_amr", "text")
        .addPrimaryKeyConstraint("upstream_links_pk", ["provider", "upstream_subject"])
        .execute();
      await db.schema.createIndex("upstream_links_user").on("upstream_links").column("user_id").execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("upstream_links").execute();
    },
  },
  /**
   * E-mailed links and codes (registration, verification, password reset): only the SHA-256 of
   * the link's random token and a keyed hash of the code are kept, each usable once until it expires.
   */
  "2026-11-28-07-email-tokens": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("email_tokens")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("purpose", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("code_hash", "text")
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("login_challenge", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .execute();
      await db.schema.createIndex("email_tokens_user").on("email_tokens").columns(["user_id", "purpose"]).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable("email_tokens").execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
