import { renderSVG } from "uqr";

/** The secret as an authenticator app's "enter a key" field takes it, in groups of four so it can be read and typed back. */
export function groupedSecret(secret: string): string {
  return (secret.replace(/\s+/g, "").match(/.{1,4}/g) ?? []).join(" ");
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The QR code of an otpauth:// URI as SVG markup, drawn here so the seed
 * never leaves the server for a third party, and inline so the page needs
 * no image source beyond its own HTML. It is one image with a name for
 * screen readers, who are offered the secret as text beside it.
 */
export function qrCodeSvg(uri: string, label: string): string {
  // Four modules of quiet zone (ISO/IEC 18004 §6.3.8); without it some phones fail to read dark pages.
  const svg = renderSVG(uri, { border: 4, ecc: "M" });
  return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeAttribute(label)}" width="240" height="240" `);
}
