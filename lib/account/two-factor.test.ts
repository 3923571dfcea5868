import { encode } from "uqr";
import { describe, expect, it } from "vitest";
import { groupedSecret, qrCodeSvg } from "./two-factor";

describe("groupedSecret", () => {
  it("shows the secret in groups of four for typing by hand", () => {
    expect(groupedSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")).toBe("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP");
    expect(groupedSecret("ABCDEF")).toBe("ABCD EF");
    expect(groupedSecret("")).toBe("");
  });
});

describe("qrCodeSvg", () => {
  const uri = "otpauth://totp/Example:a%40example.com?issuer=Example&secret=JBSWY3DPEHPK3PXP&algorithm=SHA1&digits=6&period=30";

  it("is one named image, with no script, style or outside reference", () => {
    const svg = qrCodeSvg(uri, "QR code to scan");
    expect(svg).toMatch(/^<svg role="img" aria-label="QR code to scan" /);
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expect(svg).not.toMatch(/<script|style=|href|<image|<foreignObject/i);
  });

  it("encodes the URI with a quiet zone of four modules", () => {
    const size = encode(uri, { border: 4, ecc: "M" }).size;
    expect(qrCodeSvg(uri, "x")).toContain(`viewBox="0 0 ${size * 10} ${size * 10}"`);
  });

  it("cannot be broken out of by its label", () => {
    const svg = qrCodeSvg(uri, `a" onload="x()"><script>`);
    expect(svg).toContain('aria-label="a&quot; onload=&quot;x()&quot;&gt;&lt;script&gt;"');
    expect(svg).not.toContain("<script");
  });
});
