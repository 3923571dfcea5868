import { problemsOnly } from "@/components/html";
import { endSessionUrl } from "@/lib/account/client";
import { config as appConfig } from "@/lib/config";
import { clearAccountSession } from "@/lib/server/account/auth";
import { serveAccountForm } from "@/lib/server/account/serve";
import { tokenOnlyFormSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/** POST /account/sign-out: the account page's session ends here, then Hydra's with RP-initiated logout. */
export default serveAccountForm({
  schema: tokenOnlyFormSchema,
  act: async (_form, { account, request, response }) => {
    const { appUrl, account: accountConfig } = appConfig();
    clearAccountSession(request, response);
    return { kind: "redirect", to: endSessionUrl(accountConfig?.issuer ?? "", appUrl, account.idToken) };
  },
  html: problemsOnly,
});
