import { problemsOnly } from "@/components/html";
import { config as appConfig } from "@/lib/config";
import { removeEveryAppAccess } from "@/lib/server/account/actions";
import { serveAccountForm } from "@/lib/server/account/serve";
import { tokenOnlyFormSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/** POST /account/apps/remove-all/submit: every app's consents and tokens are gone at Hydra. */
export default serveAccountForm({
  schema: tokenOnlyFormSchema,
  act: async (_form, { account }) => {
    await removeEveryAppAccess(account);
    return { kind: "redirect", to: `${appConfig().appUrl}/account?done=apps_removed` };
  },
  html: problemsOnly,
});
