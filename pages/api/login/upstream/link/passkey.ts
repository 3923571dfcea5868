import { problemsOnly } from "@/components/html";
import { serveFlowForm } from "@/lib/server/serve";
import * as upstream from "@/lib/server/steps/upstream";
import { passkeySignInFormSchema } from "@/lib/validations/passkey-input";

export const config = { api: { bodyParser: false } };

/** POST /login/upstream/link/passkey: the link form carrying a passkey's assertion, checked by the gate like the password. */
export default serveFlowForm({
  form: { schema: passkeySignInFormSchema, purpose: "login" },
  submit: upstream.linkWithPasskey,
  html: problemsOnly,
  pageUrl: upstream.linkPageUrl,
});
