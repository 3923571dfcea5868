import { html } from "@/components/html";
import { type PasswordView, passwordScreen } from "@/components/screens/account-screens";
import { minPasswordLength } from "@/lib/account/password";
import { serveAccountPage } from "@/lib/server/account/serve";
import { passwordErrorSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/** GET /account/password: the password change, with why the last attempt was refused. */
export default serveAccountPage<PasswordView>(
  async ({ account, formToken, page }) => ({
    kind: "show",
    view: { csrf: formToken, email: account.user.email, error: passwordErrorSchema.safeParse(page.query.error).data ?? null, minLength: minPasswordLength },
  }),
  html(passwordScreen),
);
