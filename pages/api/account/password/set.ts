import { problemsOnly } from "@/components/html";
import { config as appConfig } from "@/lib/config";
import { setAccountPassword } from "@/lib/server/account/actions";
import { recentSignInArea, serveAccountForm } from "@/lib/server/account/serve";
import { setPasswordFormSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/**
 * POST /account/password/set: the first password of an account that has
 * none, after a recent sign-in. An account that has one meanwhile goes back
 * to the change form, which asks for it.
 */
export default serveAccountForm({
  area: recentSignInArea,
  schema: setPasswordFormSchema,
  act: async (form, { account }) => {
    const setting = await setAccountPassword(account, form);
    const { appUrl } = appConfig();
    if (setting.kind === "set") return { kind: "redirect", to: `${appUrl}/account?done=password_set` };
    if (setting.kind === "has_password") return { kind: "redirect", to: `${appUrl}/account/password` };
    return { kind: "redirect", to: `${appUrl}/account/password?error=${setting.kind}` };
  },
  html: problemsOnly,
  returnTo: () => "/account/password",
});
