import { serveFlowForm } from "@/lib/server/serve";
import * as login from "@/lib/server/steps/login";
import { loginFormSchema } from "@/lib/validations/flow-input";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

/** The login form's POST: checked by the gate, answered by the login step with a 303. Renders only problems. */
export const getServerSideProps = serveFlowForm({
  form: { schema: loginFormSchema, purpose: "login", signInEmail: (form) => (form.action === "accept" ? form.email : undefined) },
  submit: login.submit,
  pageUrl: login.loginPageUrl,
});

export default function LoginSubmit() {
  return null;
}
