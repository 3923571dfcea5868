import { html } from "@/components/html";
import { type PasskeysView, passkeysScreen } from "@/components/screens/account-passkeys";
import { passkeyList } from "@/lib/server/account/passkeys";
import { passkeysArea, serveAccountPage } from "@/lib/server/account/serve";
import { passkeyNoticeSchema } from "@/lib/validations/passkey-input";

export const config = { api: { bodyParser: false } };

/** GET /account/passkeys: the account's passkeys, each with a rename form and a link to remove it. */
export default serveAccountPage<PasskeysView>(
  async ({ account, formToken, page }) => ({
    kind: "show",
    view: {
      csrf: formToken,
      passkeys: await passkeyList(account),
      now: new Date(),
      notice: passkeyNoticeSchema.safeParse(page.query.done).data ?? null,
      badNameFor: null,
    },
  }),
  html(passkeysScreen),
  { area: passkeysArea },
);
