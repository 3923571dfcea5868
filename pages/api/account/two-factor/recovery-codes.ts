import { html } from "@/components/html";
import { type TwoFactorView, renewRecoveryCodesScreen, twoFactorScreen } from "@/components/screens/account-two-factor";
import { config as appConfig } from "@/lib/config";
import { serveAccountForm, serveAccountPage, twoStepArea, pageWithForm } from "@/lib/server/account/serve";
import { renewRecoveryCodes } from "@/lib/server/account/two-factor";
import { tokenOnlyFormSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/** GET /account/two-factor/recovery-codes: asks first, since the codes kept so far stop working. */
const confirmation = serveAccountPage<{ csrf: string }>(async ({ formToken }) => ({ kind: "show", view: { csrf: formToken } }), html(renewRecoveryCodesScreen), { area: twoStepArea });

/** POST /account/two-factor/recovery-codes: a new set replaces the old, shown in the answer once. */
const renewal = serveAccountForm<{ csrf: string }, TwoFactorView>({
  area: twoStepArea,
  schema: tokenOnlyFormSchema,
  act: async (_form, { account }) => {
    const codes = await renewRecoveryCodes(account, new Date());
    if (codes === "not_set_up") return { kind: "redirect", to: `${appConfig().appUrl}/account/two-factor` };
    return { kind: "page", status: 200, view: { kind: "codes", codes, renewed: true } };
  },
  html: html(twoFactorScreen),
  returnTo: () => "/account/two-factor/recovery-codes",
});

export default pageWithForm(confirmation, renewal);
