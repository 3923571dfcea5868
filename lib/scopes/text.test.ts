import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n";
import { audienceLabel, scopeText } from "./text";

const rule = { required: false, hidden: false, sensitive: false };

describe("scopeText", () => {
  it("uses the built-in text of a standard scope in the page's language", () => {
    expect(scopeText("email", "de", {}, messagesFor("de")).title).toBe("Ihre E-Mail-Adresse");
  });

  it("prefers the catalogue, falling back to its English text", () => {
    const catalogue = { "payments:write": { ...rule, title: { en: "Make payments", fr: "Effectuer des paiements" } } };
    expect(scopeText("payments:write", "fr", catalogue, messagesFor("fr")).title).toBe("Effectuer des paiements");
    expect(scopeText("payments:write", "ar", catalogue, messagesFor("ar")).title).toBe("Make payments");
  });

  it("has no text for an unknown scope, so the page shows its name", () => {
    expect(scopeText("custom:thing", "en", {}, messagesFor("en"))).toEqual({ title: undefined, description: undefined });
    expect(scopeText("toString", "en", {}, messagesFor("en")).title).toBeUndefined();
  });
});

describe("audienceLabel", () => {
  it("shows a URL audience by its host and path", () => {
    expect(audienceLabel("https://api.example.com/")).toBe("api.example.com");
    expect(audienceLabel("https://api.example.com/v2")).toBe("api.example.com/v2");
    expect(audienceLabel("urn:acme:billing")).toBe("urn:acme:billing");
  });
});
