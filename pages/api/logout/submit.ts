import { problemsOnly } from "@/components/html";
import { serveFlowForm } from "@/lib/server/serve";
import * as logout from "@/lib/server/steps/logout";
import { logoutFormSchema } from "@/lib/validations/flow-input";

export const config = { api: { bodyParser: false } };

/** POST /logout/submit: checked by the gate, answered by the logout step with a 303. */
export default serveFlowForm({
  form: { schema: logoutFormSchema, purpose: "logout" },
  submit: logout.submit,
  html: problemsOnly,
  pageUrl: logout.logoutPageUrl,
});
