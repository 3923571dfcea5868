import { html, problemsOnly } from "@/components/html";
import { removeTwoFactorScreen } from "@/components/screens/account-two-factor";
import { config as appConfig } from "@/lib/config";
import { serveAccountForm, serveAccountPage, twoStepArea, withRecentSignIn, pageWithForm } from "@/lib/server/account/serve";
import { removeTwoFactor } from "@/lib/server/account/two-factor";
import { tokenOnlyFormSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

const area = withRecentSignIn(twoStepArea);

/** GET /account/two-factor/remove: asks first, after a recent sign-in. */
const confirmation = serveAccountPage<{ csrf: string }>(async ({ formToken }) => ({ kind: "show", view: { csrf: formToken } }), html(removeTwoFactorScreen), {
  area,
  use: "change",
});

/** POST /account/two-factor/remove: the seed and the recovery codes go; signing in asks for the password only. */
const removal = serveAccountForm({
  area,
  schema: tokenOnlyFormSchema,
  act: async (_form, { account }) => {
    await removeTwoFactor(account, new Date());
    return { kind: "redirect", to: `${appConfig().appUrl}/account?done=two_factor_removed` };
  },
  html: problemsOnly,
  returnTo: () => "/account/two-factor/remove",
});

export default pageWithForm(confirmation, removal);
