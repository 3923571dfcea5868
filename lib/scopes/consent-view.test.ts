import { describe, expect, it } from "vitest";
import { type ScopeCatalogue, defaultScopeCatalogue, parseScopeCatalogue } from "./catalogue";
import { consentScopeView, scopesGrantedRegardless } from "./consent-view";

const rule = (overrides: Partial<ScopeCatalogue[string]> = {}) => ({ required: false, hidden: false, sensitive: false, ...overrides });

describe("consentScopeView", () => {
  it("by default shows every requested scope, openid included, none locked or hidden", () => {
    const view = consentScopeView({ requested: ["openid", "email", "custom:thing"], catalogue: defaultScopeCatalogue, previouslyGranted: [] });
    expect(view.newScopes.map((s) => s.name)).toEqual(["openid", "email", "custom:thing"]);
    expect(view.newScopes.every((s) => !s.required && !s.sensitive && !s.alreadyGranted)).toBe(true);
    expect(view.grantedScopes).toEqual([]);
    expect(view.hidden).toEqual([]);
  });

  it("locks required scopes, hides hidden ones and flags sensitive ones", () => {
    const catalogue = { openid: rule({ required: true }), offline_access: rule({ hidden: true }), "payments:write": rule({ sensitive: true }) };
    const view = consentScopeView({ requested: ["openid", "offline_access", "payments:write"], catalogue, previouslyGranted: [] });
    expect(view.newScopes).toEqual([
      { name: "openid", required: true, sensitive: false, alreadyGranted: false },
      { name: "payments:write", required: false, sensitive: true, alreadyGranted: false },
    ]);
    expect(view.hidden).toEqual(["offline_access"]);
  });

  it("separates scopes this client already holds from new ones", () => {
    const view = consentScopeView({ requested: ["openid", "email", "profile"], catalogue: {}, previouslyGranted: ["openid", "email", "phone"] });
    expect(view.grantedScopes.map((s) => s.name)).toEqual(["openid", "email"]);
    expect(view.newScopes.map((s) => s.name)).toEqual(["profile"]);
  });

  it("lists a scope requested twice once", () => {
    expect(consentScopeView({ requested: ["email", "email"], catalogue: {}, previouslyGranted: [] }).newScopes).toHaveLength(1);
  });

  it("does not take a scope named like an Object prototype key for a catalogue entry", () => {
    const view = consentScopeView({ requested: ["constructor"], catalogue: {}, previouslyGranted: [] });
    expect(view.newScopes).toEqual([{ name: "constructor", required: false, sensitive: false, alreadyGranted: false }]);
  });
});

describe("scopesGrantedRegardless", () => {
  it("is the requested required and hidden scopes only", () => {
    const catalogue = { openid: rule({ required: true }), offline_access: rule({ hidden: true }), admin: rule({ required: true }) };
    expect(scopesGrantedRegardless(["openid", "offline_access", "email"], catalogue)).toEqual(["openid", "offline_access"]);
  });
});

describe("parseScopeCatalogue", () => {
  it("is the default without configuration", () => {
    expect(parseScopeCatalogue({})).toBe(defaultScopeCatalogue);
  });

  it("reads per-language texts and flags", () => {
    const catalogue = parseScopeCatalogue({
      SCOPE_CATALOGUE: JSON.stringify({ scopes: { "payments:write": { title: { en: "Make payments", de: "Zahlungen ausführen" }, sensitive: true } } }),
    });
    expect(catalogue["payments:write"]).toMatchObject({ sensitive: true, required: false, hidden: false, title: { de: "Zahlungen ausführen" } });
  });

  it("names the broken key", () => {
    expect(() => parseScopeCatalogue({ SCOPE_CATALOGUE: JSON.stringify({ scopes: { email: { required: "yes" } } }) })).toThrow(
      /SCOPE_CATALOGUE: scopes\.email\.required/,
    );
    expect(() => parseScopeCatalogue({ SCOPE_CATALOGUE: JSON.stringify({ scopes: { email: { title: { de: "x" } } } }) })).toThrow(
      /scopes\.email\.title.*English/,
    );
    expect(() => parseScopeCatalogue({ SCOPE_CATALOGUE: "{" })).toThrow(/SCOPE_CATALOGUE: cannot be read as JSON/);
  });
});
