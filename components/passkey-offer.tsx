/** A passkey sign-in offered in a form: the options for navigator.credentials.get() as JSON, and its texts. */
export type PasskeyOffer = {
  options: string;
  button: string;
  cancelled: string;
  /** Off right after a passkey was refused, so an authenticator that answers autofill on its own cannot loop. */
  autofill: boolean;
};

/** The attributes public/passkey.js finds the form by. */
export function passkeyFormAttributes(offer: PasskeyOffer | undefined) {
  return offer ? { "data-passkey-sign-in": offer.options, "data-passkey-autofill": offer.autofill ? "on" : "off" } : {};
}

/**
 * The passkey's controls, hidden until public/passkey.js (only where the
 * browser has WebAuthn Level 3's JSON methods) shows them. The button posts
 * the same form, with the credential, to `action`; it goes after the form's
 * own submit button, so Enter still submits the form.
 */
export function PasskeyControls({ offer, action }: { offer: PasskeyOffer; action: string }) {
  return (
    <>
      <input type="hidden" name="credential" value="" />
      <p className="alert" role="alert" data-passkey-error hidden>
        {offer.cancelled}
      </p>
      <div className="actions" data-passkey-offer hidden>
        <button id="passkey" type="submit" formAction={action} formNoValidate data-passkey-button>
          {offer.button}
        </button>
      </div>
    </>
  );
}
