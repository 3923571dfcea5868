import { problemsOnly } from "@/components/html";
import { serveFlowForm } from "@/lib/server/serve";
import { loginPageUrl } from "@/lib/server/steps/login";
import * as upstream from "@/lib/server/steps/upstream";
import { upstreamAbandonFormSchema } from "@/lib/validations/upstream-input";

export const config = { api: { bodyParser: false } };

/** POST /login/upstream/abandon: back to the client after a failed upstream sign-in. */
export default serveFlowForm({
  form: { schema: upstreamAbandonFormSchema, purpose: "login" },
  submit: upstream.abandon,
  html: problemsOnly,
  pageUrl: loginPageUrl,
});
