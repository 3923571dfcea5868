import { problemsOnly } from "@/components/html";
import { config as appConfig } from "@/lib/config";
import { signOutEverywhere } from "@/lib/server/account/actions";
import { clearAccountSession } from "@/lib/server/account/auth";
import { serveAccountForm } from "@/lib/server/account/serve";
import { tokenOnlyFormSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/** POST /account/sessions/end/submit: every sign-in of the account ends, this browser's too. */
export default serveAccountForm({
  schema: tokenOnlyFormSchema,
  act: async (_form, { account, request, response }) => {
    await signOutEverywhere(account, new Date());
    clearAccountSession(request, response);
    return { kind: "redirect", to: `${appConfig().appUrl}/account/signed-out?everywhere=1` };
  },
  html: problemsOnly,
});
