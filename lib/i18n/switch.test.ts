import { describe, expect, it } from "vitest";
import { languageLinksPath, languageSwitchHref, languageSwitchTarget } from "./switch";

const app = "https://login.example.com";

describe("languageSwitchTarget", () => {
  it("returns to the same flow page with the challenge and the chosen language", () => {
    expect(languageSwitchTarget("/login?login_challenge=abc&lang=en", "de", app)).toEqual({
      locale: "de",
      location: "/login?login_challenge=abc&lang=de",
    });
  });

  it.each([
    ["an absolute URL", "https://evil.example/login"],
    ["a protocol-relative URL", "//evil.example/login"],
    ["a backslash trick", "/\\evil.example/login"],
    ["a path that is not a flow page", "/lang?locale=de&to=/login"],
    ["a path under the account page's name", "/accounts/evil"],
    ["a path that climbs out", "/account/../lang?to=//evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["nothing", null],
  ])("refuses %s", (_, to) => {
    expect(languageSwitchTarget(to, "de", app)).toBeUndefined();
  });

  it("returns to the account page and the console, relative to the host the browser is on", () => {
    expect(languageSwitchTarget("/account/passkeys", "ar", app)).toEqual({ locale: "ar", location: "/account/passkeys?lang=ar" });
    expect(languageSwitchTarget("/admin/clients/view?id=c1&lang=en", "fr", app)).toEqual({ locale: "fr", location: "/admin/clients/view?id=c1&lang=fr" });
  });

  it("refuses a language we do not ship", () => {
    expect(languageSwitchTarget("/login?login_challenge=abc", "xx", app)).toBeUndefined();
  });
});

describe("languageSwitchHref", () => {
  it("links through /lang and keeps the page's query", () => {
    const href = languageSwitchHref("/consent?consent_challenge=c1", "ar");
    const url = new URL(href, app);
    expect(url.pathname).toBe("/lang");
    expect(url.searchParams.get("locale")).toBe("ar");
    expect(url.searchParams.get("to")).toBe("/consent?consent_challenge=c1&lang=ar");
  });

  it("starts the query of a page that has none", () => {
    expect(new URL(languageSwitchHref("/logged-out", "de"), app).searchParams.get("to")).toBe("/logged-out?lang=de");
  });

  it("leads back to where languageSwitchTarget allows", () => {
    const href = new URL(languageSwitchHref("/login?login_challenge=a.b-c_d~e=", "fr"), app);
    expect(languageSwitchTarget(href.searchParams.get("to"), href.searchParams.get("locale"), app)).toEqual({
      locale: "fr",
      location: "/login?login_challenge=a.b-c_d%7Ee%3D&lang=fr",
    });
  });
});

describe("languageLinksPath", () => {
  it("uses the public path and query the page was asked with, without its lang", () => {
    expect(languageLinksPath("/api/login?login_challenge=c1&lang=de")).toBe("/login?login_challenge=c1");
    expect(languageLinksPath("/api/verify?lang=ar&login_challenge=c1&reason=resent")).toBe("/verify?login_challenge=c1&reason=resent");
    expect(languageLinksPath("/api/logged-out")).toBe("/logged-out");
    expect(languageLinksPath("/api?lang=fr")).toBe("/");
    expect(languageLinksPath("/api")).toBe("/");
  });

  it("uses the page an answer to a post names instead of the post's own URL", () => {
    expect(languageLinksPath("/api/register/submit", "/verify?login_challenge=c1")).toBe("/verify?login_challenge=c1");
    expect(languageLinksPath("/api/forgot-password/submit", "/forgot-password?sent=1&lang=es")).toBe("/forgot-password?sent=1");
  });

  it("leaves the links out when the answer says there is no such page", () => {
    expect(languageLinksPath("/api/verify/submit", null)).toBeNull();
  });

  it.each(["/register", "/verify?login_challenge=c1", "/forgot-password?sent=1", "/reset-password?token=t"])("leads to the self-service page %s through /lang", (page) => {
    const href = new URL(languageSwitchHref(page, "de"), app);
    const target = languageSwitchTarget(href.searchParams.get("to"), href.searchParams.get("locale"), app);
    expect(target?.location).toBe(`${page}${page.includes("?") ? "&" : "?"}lang=de`);
  });

  it("refuses the form posts themselves", () => {
    expect(languageSwitchTarget("/register/submit?lang=de", "de", app)).toBeUndefined();
  });
});
