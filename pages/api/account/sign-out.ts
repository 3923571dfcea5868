import { problemsOnly } from "@/components/html";
import { endSessionUrl } from "@/lib/account/client";
import { config as appConfig } from "@/lib/config";
import { clearAccountSession, pinOrigin } from "@/lib/server/account/auth";
import { serveAccountForm } from "@/lib/server/account/serve";
import { tokenOnlyFormSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/** POST /account/sign-out: the session of the account page (or console, on its host) ends here, then Hydra's with RP-initiated logout. */
export default serveAccountForm({
  schema: tokenOnlyFormSchema,
  act: async (_form, { account, request, response }) => {
    clearAccountSession(request, response);
    return { kind: "redirect", to: endSessionUrl(appConfig().account?.issuer ?? "", pinOrigin(request), account.idToken) };
  },
  html: problemsOnly,
});
