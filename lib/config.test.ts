import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, parseDatabaseConfig } from "./config";

const secret = "s".repeat(32);

describe("parseConfig", () => {
  it("fills defaults from a minimal environment", () => {
    const config = parseConfig({ SESSION_SECRET: secret });
    expect(config.hydra).toMatchObject({ adminUrl: "http://127.0.0.1:4445", publicUrl: "http://localhost:4444" });
    expect(config.logoutRejectUrl).toBe("http://localhost:3000/");
    expect(config.sessionSecrets).toEqual({ "1": secret });
    expect(config.firstPartyClients).toEqual([]);
  });

  it("names the variable that is missing or wrong", () => {
    expect(() => parseConfig({})).toThrow(/SESSION_SECRET/);
    expect(() => parseConfig({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET: needs at least 32 characters/);
    expect(() => parseConfig({ SESSION_SECRET: secret, HYDRA_ADMIN_URL: "ftp://x" })).toThrow(/HYDRA_ADMIN_URL/);
    expect(() => parseConfig({ SESSION_SECRETS: "not json" })).toThrow(ConfigError);
  });

  it("uses one Ory Network URL and key for admin and public calls", () => {
    const config = parseConfig({ SESSION_SECRET: secret, ORY_PROJECT_URL: "https://x.projects.oryapis.com", ORY_API_KEY: "k" });
    expect(config.hydra).toMatchObject({
      adminUrl: "https://x.projects.oryapis.com",
      publicUrl: "https://x.projects.oryapis.com",
      apiKey: "k",
    });
    expect(() => parseConfig({ SESSION_SECRET: secret, ORY_API_KEY: "k" })).toThrow(/ORY_PROJECT_URL/);
  });

  it("accepts a rotation map of secrets and a list of first-party clients", () => {
    const config = parseConfig({ SESSION_SECRETS: JSON.stringify({ "2": secret, "1": "o".repeat(32) }), FIRST_PARTY_CLIENTS: "a, b" });
    expect(Object.keys(config.sessionSecrets).sort()).toEqual(["1", "2"]);
    expect(config.firstPartyClients).toEqual(["a", "b"]);
  });

  it("turns the admin console on only when asked, bound to a host if given, with the account page's sign-in", () => {
    expect(parseConfig({ SESSION_SECRET: secret }).admin).toBeNull();
    expect(parseConfig({ SESSION_SECRET: secret, ADMIN_CONSOLE: "on", ADMIN_HOST: "Admin.Example.com:8443" }).admin).toEqual({
      host: "admin.example.com:8443",
      origin: "http://admin.example.com:8443",
      reauthMaxAge: 900,
    });
    expect(() => parseConfig({ SESSION_SECRET: secret, ADMIN_CONSOLE: "on", ADMIN_HOST: "https://admin.example.com/" })).toThrow(/ADMIN_HOST/);
    expect(() => parseConfig({ SESSION_SECRET: secret, ADMIN_CONSOLE: "on", ACCOUNT_PAGE: "off" })).toThrow(/ADMIN_CONSOLE: .*ACCOUNT_PAGE=on/);
  });

  it("turns passkeys on by default, for APP_URL's host name and origin only, and asks for a sign-in younger than 300 s before account changes", () => {
    const config = parseConfig({ SESSION_SECRET: secret, APP_URL: "https://login.example.com:8443/" });
    expect(config.passkeys).toMatchObject({ rpId: "login.example.com", origin: "https://login.example.com:8443" });
    expect(config.passkeys?.challengeKey).not.toContain(secret);
    expect(config.account?.reauthMaxAge).toBe(300);
    expect(parseConfig({ SESSION_SECRET: secret, PASSKEYS: "off" }).passkeys).toBeNull();
    expect(parseConfig({ SESSION_SECRET: secret, ACCOUNT_REAUTH_MAX_AGE: "5" }).account?.reauthMaxAge).toBe(5);
    expect(() => parseConfig({ SESSION_SECRET: secret, PASSKEYS: "yes" })).toThrow(/PASSKEYS/);
    expect(() => parseConfig({ SESSION_SECRET: secret, ACCOUNT_REAUTH_MAX_AGE: "0" })).toThrow(/ACCOUNT_REAUTH_MAX_AGE/);
  });

  it("reads a bounded consent history, where 0 turns the lookup off", () => {
    expect(parseConfig({ SESSION_SECRET: secret }).consentHistory).toBe(10);
    expect(parseConfig({ SESSION_SECRET: secret, CONSENT_HISTORY: "0" }).consentHistory).toBe(0);
    expect(() => parseConfig({ SESSION_SECRET: secret, CONSENT_HISTORY: "1000" })).toThrow(/CONSENT_HISTORY/);
  });

  it("uses SQLite by default and PostgreSQL for a postgres:// DATABASE_URL, with pool and statement limits", () => {
    expect(parseConfig({ SESSION_SECRET: secret }).database).toEqual({ kind: "sqlite", path: ".data/accounts.sqlite", statementTimeoutMs: 5000 });
    const pg = parseConfig({ SESSION_SECRET: secret, DATABASE_URL: "postgres://u:p@db:5432/app", DATABASE_POOL_MAX: "25", DATABASE_STATEMENT_TIMEOUT_MS: "2000" });
    expect(pg.database).toEqual({ kind: "postgres", url: "postgres://u:p@db:5432/app", poolMax: 25, statementTimeoutMs: 2000 });
    expect(() => parseConfig({ SESSION_SECRET: secret, DATABASE_URL: "mysql://db/app" })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(parseDatabaseConfig({ DATABASE_URL: "postgresql://db/app" })).toMatchObject({ kind: "postgres", poolMax: 10 });
  });

  it("counts sign-in failures in the database by default only on PostgreSQL", () => {
    expect(parseConfig({ SESSION_SECRET: secret }).rateLimitStore).toBe("memory");
    expect(parseConfig({ SESSION_SECRET: secret, DATABASE_URL: "postgres://db/app" }).rateLimitStore).toBe("database");
    expect(parseConfig({ SESSION_SECRET: secret, DATABASE_URL: "postgres://db/app", RATE_LIMIT_STORE: "memory" }).rateLimitStore).toBe("memory");
  });
});
