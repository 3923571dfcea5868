import { qrCodeSvg } from "@/lib/account/two-factor";

/**
 * An authenticator app's seed to scan or type. The QR code is drawn on the
 * server (lib/account/two-factor.ts) from our own otpauth URI, so the markup
 * inserted is ours, not the person's input.
 */
export function TotpKey({ uri, secret, labels }: { uri: string; secret: string; labels: { scan: string; qr: string; typeKey: string } }) {
  return (
    <>
      <p>{labels.scan}</p>
      <div className="qr-code" dangerouslySetInnerHTML={{ __html: qrCodeSvg(uri, labels.qr) }} />
      <p id="totp-key-label">{labels.typeKey}</p>
      <p>
        <code id="totp-key" className="secret" dir="ltr" aria-labelledby="totp-key-label">
          {secret}
        </code>
      </p>
    </>
  );
}
