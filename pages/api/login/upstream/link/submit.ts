import { problemsOnly } from "@/components/html";
import { serveFlowForm } from "@/lib/server/serve";
import * as upstream from "@/lib/server/steps/upstream";
import { upstreamLinkFormSchema } from "@/lib/validations/upstream-input";

export const config = { api: { bodyParser: false } };

/** POST /login/upstream/link/submit: the password that links the upstream to the account, throttled like every sign-in. */
export default serveFlowForm({
  form: { schema: upstreamLinkFormSchema, purpose: "login", signInEmail: (form) => (form.action === "accept" ? form.email : undefined) },
  submit: upstream.linkSubmit,
  html: problemsOnly,
  pageUrl: upstream.linkPageUrl,
});
