import { problemsOnly } from "@/components/html";
import { serveFlowForm } from "@/lib/server/serve";
import * as consent from "@/lib/server/steps/consent";
import { consentFormSchema } from "@/lib/validations/flow-input";

export const config = { api: { bodyParser: false } };

/** POST /consent/submit: checked by the gate, answered by the consent step with a 303. */
export default serveFlowForm({
  form: { schema: consentFormSchema, purpose: "consent" },
  submit: consent.submit,
  html: problemsOnly,
  pageUrl: consent.consentPageUrl,
});
