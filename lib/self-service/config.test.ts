import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";

const secret = "s".repeat(32);

describe("self-service settings", () => {
  it("are off without SMTP, and reset comes on with it", () => {
    expect(parseConfig({ SESSION_SECRET: secret }).selfService).toEqual({ mail: null, registration: false, passwordReset: false, requireVerifiedEmail: false, linkTtlSeconds: 3600 });
    const withMail = parseConfig({ SESSION_SECRET: secret, SMTP_URL: "smtp://mail:25", APP_URL: "https://id.example.com" }).selfService;
    expect(withMail).toMatchObject({ mail: { url: "smtp://mail:25", from: "no-reply@id.example.com" }, passwordReset: true, registration: false, requireVerifiedEmail: false });
  });
  it("require a verified address by default once registration is on, unless told otherwise", () => {
    expect(parseConfig({ SESSION_SECRET: secret, SMTP_URL: "log", ALLOW_REGISTRATION: "on" }).selfService.requireVerifiedEmail).toBe(true);
    expect(parseConfig({ SESSION_SECRET: secret, SMTP_URL: "log", ALLOW_REGISTRATION: "on", REQUIRE_VERIFIED_EMAIL: "off" }).selfService.requireVerifiedEmail).toBe(false);
  });
  it("refuse registration or reset without a way to send mail, and a bad SMTP_URL", () => {
    expect(() => parseConfig({ SESSION_SECRET: secret, ALLOW_REGISTRATION: "on" })).toThrow(/SMTP_URL: is required with ALLOW_REGISTRATION=on/);
    expect(() => parseConfig({ SESSION_SECRET: secret, PASSWORD_RESET: "on" })).toThrow(/SMTP_URL/);
    expect(() => parseConfig({ SESSION_SECRET: secret, SMTP_URL: "http://mail" })).toThrow(/SMTP_URL: must be an smtp/);
  });
});
