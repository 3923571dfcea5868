import { DecisionButtons, RememberCheckbox } from "./decision-buttons";
import { HiddenFields } from "./hidden-fields";
import { type PasskeyOffer, PasskeyControls, passkeyFormAttributes } from "./passkey-offer";

type Props = {
  challenge: string;
  csrf: string;
  email: string;
  error?: string;
  labels: { email: string; password: string; remember: string; submit: string; cancel: string };
  passkey?: PasskeyOffer;
};

/**
 * The DOM ids (#email, #password, #remember, #accept, #reject) are the contract Hydra's own e2e tests drive.
 *
 * With a passkey offered, public/passkey.js (only where the browser has
 * WebAuthn Level 3's JSON methods) shows the passkey button, offers passkeys
 * in the email field's autofill ("webauthn" token, conditional mediation),
 * and posts this same form, with its token and "keep me signed in", to
 * /login/passkey with the credential. Without it the button stays hidden.
 * The button comes after #accept, so Enter still signs in with the password.
 */
export function LoginForm({ challenge, csrf, email, error, labels, passkey }: Props) {
  // Both fields point at the one message, so a screen reader announces it from either.
  const errorLink = error ? { "aria-invalid": true, "aria-describedby": "login-error" } : {};
  return (
    <form method="post" action="/login/submit" className="stack" {...passkeyFormAttributes(passkey)}>
      <HiddenFields challenge={challenge} csrf={csrf} />
      {error && (
        <p className="alert" role="alert" id="login-error">
          {error}
        </p>
      )}
      <label htmlFor="email">{labels.email}</label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete={passkey ? "username webauthn" : "username"}
        required
        defaultValue={email}
        {...errorLink}
        autoFocus={!email}
      />
      <label htmlFor="password">{labels.password}</label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        {...errorLink}
        autoFocus={Boolean(email)}
      />
      <RememberCheckbox label={labels.remember} />
      <DecisionButtons accept={labels.submit} reject={labels.cancel} />
      {passkey && <PasskeyControls offer={passkey} action="/login/passkey" />}
    </form>
  );
}
