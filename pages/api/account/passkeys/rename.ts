import { html } from "@/components/html";
import { type PasskeysView, passkeysScreen } from "@/components/screens/account-passkeys";
import { config as appConfig } from "@/lib/config";
import { renamePasskey } from "@/lib/second-factor/passkey-store";
import { passkeyList } from "@/lib/server/account/passkeys";
import { passkeysArea, serveAccountForm } from "@/lib/server/account/serve";
import { passkeyName, passkeyRenameFormSchema } from "@/lib/validations/passkey-input";

export const config = { api: { bodyParser: false } };

/** POST /account/passkeys/rename: a new name (1 to 60 characters), or the list again (422) saying what is wrong. */
export default serveAccountForm<{ csrf: string; id: string; name: string }, PasskeysView>({
  area: passkeysArea,
  schema: passkeyRenameFormSchema,
  act: async (form, { account, formToken }) => {
    const name = passkeyName.safeParse(form.name);
    if (!name.success) {
      return { kind: "page", status: 422, view: { csrf: formToken, passkeys: await passkeyList(account), now: new Date(), notice: null, badNameFor: form.id } };
    }
    const renamed = await renamePasskey(account.user.id, form.id, name.data);
    // A passkey removed meanwhile (or another account's) is simply not in the list.
    return { kind: "redirect", to: `${appConfig().appUrl}/account/passkeys${renamed ? "?done=renamed" : ""}` };
  },
  html: html(passkeysScreen),
  returnTo: () => "/account/passkeys",
});
