import { problemsOnly } from "@/components/html";
import { serveFlowForm } from "@/lib/server/serve";
import * as login from "@/lib/server/steps/login";
import { loginFormSchema } from "@/lib/validations/flow-input";

export const config = { api: { bodyParser: false } };

/** POST /login/submit: checked by the gate, answered by the login step with a 303. */
export default serveFlowForm({
  form: { schema: loginFormSchema, purpose: "login", signInEmail: (form) => (form.action === "accept" ? form.email : undefined) },
  submit: login.submit,
  html: problemsOnly,
  pageUrl: login.loginPageUrl,
});
