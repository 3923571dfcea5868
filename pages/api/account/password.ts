import { html } from "@/components/html";
import { type PasswordView, passwordScreen } from "@/components/screens/account-screens";
import { minPasswordLength } from "@/lib/account/password";
import { hasPassword } from "@/lib/identity/users";
import { pinOrigin } from "@/lib/server/account/auth";
import { recentSignInArea, serveAccountPage } from "@/lib/server/account/serve";
import { passwordErrorSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/**
 * GET /account/password: the password change, with why the last attempt was
 * refused. An account with no password (made by an upstream sign-in) is
 * offered its first one instead, which adds a way to sign in and so needs a
 * recent sign-in before the form is shown.
 */
export default serveAccountPage<PasswordView>(async ({ account, formToken, page, request }) => {
  const mode = (await hasPassword(account.user.id)) ? "change" : "set";
  if (mode === "set" && recentSignInArea.admit(account, "change").kind === "reauthenticate") {
    return { kind: "redirect", to: `${pinOrigin(request)}/account/reauthenticate?to=${encodeURIComponent("/account/password")}` };
  }
  return {
    kind: "show",
    view: { csrf: formToken, email: account.user.email, mode, error: passwordErrorSchema.safeParse(page.query.error).data ?? null, minLength: minPasswordLength },
  };
}, html(passwordScreen));
