import { describe, expect, it } from "vitest";
import { mailMessage } from "./mail-message";

const branding = { productName: "Acme <ID>", logo: { light: "/logo.png", width: 40, height: 40 }, colors: { light: { accent: "#aa0000" }, dark: {} }, links: {} };

describe("an e-mail", () => {
  it("is in the page's language, with the link and code in both forms", () => {
    const mail = mailMessage({ kind: "verify", link: "https://id.example/verify?token=abc", code: "ABCD2345" }, { locale: "de", branding, appUrl: "https://id.example" });
    expect(mail.subject).toBe("Bestätigen Sie Ihre E-Mail-Adresse für Acme <ID>");
    expect(mail.text).toContain("https://id.example/verify?token=abc");
    expect(mail.text).toContain("ABCD2345");
    expect(mail.html).toContain('lang="de"');
    expect(mail.html).toContain("ABCD2345");
    expect(mail.html).toContain("#aa0000");
    expect(mail.html).toContain('href="https://id.example/logo.png"');
    expect(mail.html).toContain("Acme &lt;ID&gt;");
    expect(mail.html).not.toContain("<ID>");
  });
  it("is right to left in Arabic and falls back to the app's name without branding", () => {
    const mail = mailMessage({ kind: "exists" }, { locale: "ar", branding: { colors: { light: {}, dark: {} }, links: {} }, appUrl: "https://id.example" });
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.subject).toBe("حسابك لدى تسجيل الدخول");
  });
});
