import { html } from "@/components/html";
import { type AddPasskeyView, addPasskeyScreen } from "@/components/screens/account-passkeys";
import { config as appConfig } from "@/lib/config";
import { addPasskey, creationOptionsFor } from "@/lib/server/account/passkeys";
import { passkeysArea, serveAccountForm, serveAccountPage, withRecentSignIn, pageWithForm } from "@/lib/server/account/serve";
import { passkeyAddFormSchema } from "@/lib/validations/passkey-input";

export const config = { api: { bodyParser: false } };

const area = withRecentSignIn(passkeysArea);

/** GET /account/passkeys/new: after a recent sign-in, a name and the ceremony, whose options are bound to this account. */
const page = serveAccountPage<AddPasskeyView>(
  async ({ account, formToken }) => ({
    kind: "show",
    view: { csrf: formToken, options: await creationOptionsFor(account, new Date()), name: "", error: null },
    passkeyScript: true,
  }),
  html(addPasskeyScreen),
  { area, use: "change" },
);

/** POST /account/passkeys/new: the attestation verified and the passkey kept, or the form again (422) with why. */
const form = serveAccountForm<{ csrf: string; name: string; credential: string }, AddPasskeyView>({
  area,
  schema: passkeyAddFormSchema,
  act: async (posted, { account, formToken }) => {
    const now = new Date();
    const added = await addPasskey(account, posted.name, posted.credential, now);
    if (added.kind === "added") return { kind: "redirect", to: `${appConfig().appUrl}/account/passkeys?done=added` };
    return {
      kind: "page",
      status: 422,
      view: { csrf: formToken, options: await creationOptionsFor(account, now), name: posted.name.slice(0, 60), error: added.kind },
      passkeyScript: true,
    };
  },
  html: html(addPasskeyScreen),
  returnTo: () => "/account/passkeys/new",
});

export default pageWithForm(page, form);
