import { problemsOnly } from "@/components/html";
import { serveFlowForm } from "@/lib/server/serve";
import * as secondStep from "@/lib/server/steps/second-factor";
import { secondStepPageUrl } from "@/lib/server/steps/login";
import { secondStepFormSchema } from "@/lib/validations/flow-input";

export const config = { api: { bodyParser: false } };

/** POST /login/second-factor/submit: checked by the gate, answered by the second step with a 303 (or 429 after too many wrong codes). */
export default serveFlowForm({
  form: { schema: secondStepFormSchema, purpose: "login" },
  submit: secondStep.submit,
  html: problemsOnly,
  pageUrl: secondStepPageUrl,
});
