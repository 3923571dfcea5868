// Passkey ceremonies for the pages that offer one. Everything else on those
// pages works without this script. It runs only where the browser has
// WebAuthn Level 3's JSON methods (PublicKeyCredential.parseRequestOptionsFromJSON,
// parseCreationOptionsFromJSON, PublicKeyCredential.prototype.toJSON);
// elsewhere the passkey controls stay hidden. The server embeds the options
// in the form (data-passkey-sign-in / data-passkey-register), and the
// credential goes back in the form's "credential" field with a normal POST.
(() => {
  "use strict";

  const PKC = window.PublicKeyCredential;
  const supported =
    typeof PKC === "function" &&
    typeof PKC.parseRequestOptionsFromJSON === "function" &&
    typeof PKC.parseCreationOptionsFromJSON === "function" &&
    typeof PKC.prototype.toJSON === "function" &&
    Boolean(navigator.credentials);

  const show = (element) => {
    if (element) element.hidden = false;
  };
  const hide = (element) => {
    if (element) element.hidden = true;
  };

  /** The login form: a button, and passkeys offered in the email field's autofill (conditional mediation, WebAuthn §5.1.4.1). */
  function offerSignIn(form) {
    const options = JSON.parse(form.dataset.passkeySignIn);
    const button = form.querySelector("[data-passkey-button]");
    const field = form.querySelector('input[name="credential"]');
    const failure = form.querySelector("[data-passkey-error]");
    let pending;

    async function run(mediation) {
      if (pending) pending.abort();
      const controller = new AbortController();
      pending = controller;
      try {
        const request = { publicKey: PKC.parseRequestOptionsFromJSON(options), signal: controller.signal };
        if (mediation) request.mediation = mediation;
        const credential = await navigator.credentials.get(request);
        if (!credential) return;
        field.value = JSON.stringify(credential.toJSON());
        form.requestSubmit(button);
      } catch (error) {
        // Replaced by the other kind of request: nothing went wrong.
        if (controller.signal.aborted) return;
        if (mediation !== "conditional") {
          show(failure);
          startAutofill();
        }
      }
    }

    function startAutofill() {
      if (form.dataset.passkeyAutofill === "off" || typeof PKC.isConditionalMediationAvailable !== "function") return;
      PKC.isConditionalMediationAvailable().then(
        (available) => {
          if (available) run("conditional");
        },
        () => undefined,
      );
    }

    button.addEventListener("click", (event) => {
      event.preventDefault();
      hide(failure);
      run(undefined);
    });
    show(form.querySelector("[data-passkey-offer]"));
    startAutofill();
  }

  /** The account page's form that adds a passkey: the name is checked by the browser first, then the passkey is made. */
  function offerRegistration(form) {
    const options = JSON.parse(form.dataset.passkeyRegister);
    const field = form.querySelector('input[name="credential"]');
    const failure = form.querySelector("[data-passkey-error]");
    form.addEventListener("submit", async (event) => {
      if (field.value) return;
      event.preventDefault();
      hide(failure);
      try {
        const credential = await navigator.credentials.create({ publicKey: PKC.parseCreationOptionsFromJSON(options) });
        if (!credential) throw new Error("no credential");
        field.value = JSON.stringify(credential.toJSON());
        form.requestSubmit();
      } catch (error) {
        show(failure);
      }
    });
    show(form.querySelector("[data-passkey-offer]"));
    hide(form.querySelector("[data-passkey-unsupported]"));
  }

  function start() {
    if (!supported) return;
    for (const form of document.querySelectorAll("form[data-passkey-sign-in]")) offerSignIn(form);
    for (const form of document.querySelectorAll("form[data-passkey-register]")) offerRegistration(form);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
