import { problemsOnly } from "@/components/html";
import { serveFlowForm } from "@/lib/server/serve";
import { loginPageUrl } from "@/lib/server/steps/login";
import * as passkey from "@/lib/server/steps/passkey";
import { passkeySignInFormSchema } from "@/lib/validations/passkey-input";

export const config = { api: { bodyParser: false } };

/** POST /login/passkey: the login form carrying a passkey's assertion, checked by the gate like the password, answered with a 303. */
export default serveFlowForm({
  form: { schema: passkeySignInFormSchema, purpose: "login" },
  submit: passkey.submit,
  html: problemsOnly,
  pageUrl: loginPageUrl,
});
