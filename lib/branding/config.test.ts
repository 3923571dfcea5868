import { describe, expect, it } from "vitest";
import { brandingCss, parseBranding } from "./config";

const json = (value: unknown) => ({ BRANDING: JSON.stringify(value) });

describe("parseBranding", () => {
  it("is empty without configuration", () => {
    expect(parseBranding({})).toEqual({ colors: { light: {}, dark: {} }, links: {} });
  });

  it("reads a full configuration", () => {
    const branding = parseBranding(
      json({
        productName: "Acme ID",
        logo: { light: "https://cdn.acme.example/logo.svg", dark: "/logo-dark.svg" },
        colors: { light: { accent: "#0a7" }, dark: { accent: "#7fd" } },
        font: '"Inter", system-ui, sans-serif',
        links: { support: "mailto:help@acme.example", privacy: "https://acme.example/privacy" },
      }),
    );
    expect(branding).toMatchObject({ productName: "Acme ID", logo: { width: 40 }, links: { support: "mailto:help@acme.example" } });
  });

  it.each([
    [{ colors: { light: { accent: "red;}body{display:none" } } }, /BRANDING: colors\.light\.accent: must be a hex colour/],
    [{ font: "x;}</style><script>" }, /BRANDING: font:/],
    [{ logo: { light: "javascript:alert(1)" } }, /BRANDING: logo\.light:/],
    [{ links: { privacy: "javascript:alert(1)" } }, /BRANDING: links\.privacy:/],
    [{ colour: {} }, /BRANDING: \(root\): Unrecognized key/],
  ])("refuses %j, naming the key", (value, message) => {
    expect(() => parseBranding(json(value))).toThrow(message);
  });

  it("reads BRANDING_FILE and its custom CSS", () => {
    const files: Record<string, string> = { "/b.json": JSON.stringify({ customCssFile: "/b.css" }), "/b.css": ".card{border-width:2px}" };
    const branding = parseBranding({ BRANDING_FILE: "/b.json" }, (path) => files[path] ?? "");
    expect(branding.customCss).toBe(".card{border-width:2px}");
  });

  it("refuses custom CSS that could close its <style> element", () => {
    const files: Record<string, string> = { "/b.json": JSON.stringify({ customCssFile: "/b.css" }), "/b.css": "</style><script>alert(1)</script>" };
    expect(() => parseBranding({ BRANDING_FILE: "/b.json" }, (path) => files[path] ?? "")).toThrow(/customCssFile: must not contain/);
  });

  it("names the file that is not JSON", () => {
    expect(() => parseBranding({ BRANDING_FILE: "/b.json" }, () => "{")).toThrow(/BRANDING_FILE \(\/b\.json\): cannot be read as JSON/);
  });
});

describe("brandingCss", () => {
  it("writes light and dark variables and the font", () => {
    const css = brandingCss(parseBranding(json({ colors: { light: { accent: "#112233" }, dark: { background: "#000" } }, font: "Inter, sans-serif" })));
    expect(css).toBe(":root{--accent:#112233;--font:Inter, sans-serif}\n@media (prefers-color-scheme: dark){:root{--bg:#000}}");
  });

  it("is empty without branding", () => {
    expect(brandingCss(parseBranding({}))).toBe("");
  });
});
