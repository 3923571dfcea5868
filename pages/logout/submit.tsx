import { serveFlowForm } from "@/lib/server/serve";
import * as logout from "@/lib/server/steps/logout";
import { logoutFormSchema } from "@/lib/validations/flow-input";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

/** The logout form's POST: checked by the gate, answered by the logout step with a 303. Renders only problems. */
export const getServerSideProps = serveFlowForm({
  form: { schema: logoutFormSchema, purpose: "logout" },
  submit: logout.submit,
  pageUrl: logout.logoutPageUrl,
});

export default function LogoutSubmit() {
  return null;
}
