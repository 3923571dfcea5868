import { serveFlowForm } from "@/lib/server/serve";
import * as consent from "@/lib/server/steps/consent";
import { consentFormSchema } from "@/lib/validations/flow-input";

export const config = { runtime: "nodejs", unstable_runtimeJS: false };

/** The consent form's POST: checked by the gate, answered by the consent step with a 303. Renders only problems. */
export const getServerSideProps = serveFlowForm({
  form: { schema: consentFormSchema, purpose: "consent" },
  submit: consent.submit,
  pageUrl: consent.consentPageUrl,
});

export default function ConsentSubmit() {
  return null;
}
