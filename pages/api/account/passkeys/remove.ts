import { html, problemsOnly } from "@/components/html";
import { type RemovePasskeyView, removePasskeyScreen } from "@/components/screens/account-passkeys";
import { config as appConfig } from "@/lib/config";
import { removePasskey } from "@/lib/second-factor/passkey-store";
import { passkeyList } from "@/lib/server/account/passkeys";
import { passkeysArea, serveAccountForm, serveAccountPage, withRecentSignIn, pageWithForm } from "@/lib/server/account/serve";
import { passkeyIdQuerySchema, passkeyRemoveFormSchema } from "@/lib/validations/passkey-input";

export const config = { api: { bodyParser: false } };

const area = withRecentSignIn(passkeysArea);
const listUrl = () => `${appConfig().appUrl}/account/passkeys`;

/** GET /account/passkeys/remove?id=…: asks first, after a recent sign-in; a passkey that is not the account's goes back to the list. */
const confirmation = serveAccountPage<RemovePasskeyView>(
  async ({ account, formToken, page }) => {
    const id = passkeyIdQuerySchema.safeParse(page.query.id);
    const passkey = id.success ? (await passkeyList(account)).find((listed) => listed.id === id.data) : undefined;
    if (!passkey) return { kind: "redirect", to: listUrl() };
    return { kind: "show", view: { csrf: formToken, id: passkey.id, name: passkey.name } };
  },
  html(removePasskeyScreen),
  { area, use: "change" },
);

/** POST /account/passkeys/remove: the passkey stops working at once. */
const removal = serveAccountForm({
  area,
  schema: passkeyRemoveFormSchema,
  act: async (form, { account }) => {
    const removed = await removePasskey(account.user.id, form.id);
    return { kind: "redirect", to: `${listUrl()}${removed ? "?done=removed" : ""}` };
  },
  html: problemsOnly,
  returnTo: (form) => (form ? `/account/passkeys/remove?id=${encodeURIComponent(form.id)}` : "/account/passkeys"),
});

export default pageWithForm(confirmation, removal);
