import { problemsOnly } from "@/components/html";
import { config as appConfig } from "@/lib/config";
import { removeAppAccess } from "@/lib/server/account/actions";
import { serveAccountForm } from "@/lib/server/account/serve";
import { removeAppFormSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/** POST /account/apps/remove/submit: the app's consents and tokens are gone at Hydra. */
export default serveAccountForm({
  schema: removeAppFormSchema,
  act: async (form, { account }) => {
    await removeAppAccess(account, form.client);
    return { kind: "redirect", to: `${appConfig().appUrl}/account?done=app_removed` };
  },
  html: problemsOnly,
});
