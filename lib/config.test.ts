import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

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

  it("reads a bounded consent history, where 0 turns the lookup off", () => {
    expect(parseConfig({ SESSION_SECRET: secret }).consentHistory).toBe(10);
    expect(parseConfig({ SESSION_SECRET: secret, CONSENT_HISTORY: "0" }).consentHistory).toBe(0);
    expect(() => parseConfig({ SESSION_SECRET: secret, CONSENT_HISTORY: "1000" })).toThrow(/CONSENT_HISTORY/);
  });
});
