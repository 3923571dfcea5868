import { problemsOnly } from "@/components/html";
import { config as appConfig } from "@/lib/config";
import { problem } from "@/lib/flows/problems";
import { changeAccountPassword } from "@/lib/server/account/actions";
import { restartAccountSession } from "@/lib/server/account/auth";
import { serveAccountForm } from "@/lib/server/account/serve";
import { passwordFormSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/** POST /account/password/submit: a refused change goes back to the form with its reason; this browser stays signed in. */
export default serveAccountForm({
  schema: passwordFormSchema,
  act: async (form, { account, clientAddress, request, response }) => {
    const now = new Date();
    const change = await changeAccountPassword(account, form, clientAddress, now);
    const { appUrl } = appConfig();
    if (change.kind === "too_many") return problem("too_many", change.retryAfter);
    if (change.kind !== "changed") return { kind: "redirect", to: `${appUrl}/account/password?error=${change.kind}` };
    if (!change.signedOutElsewhere) return { kind: "redirect", to: `${appUrl}/account?done=password_changed` };
    await restartAccountSession(request, response, now.getTime() + 1);
    return { kind: "redirect", to: `${appUrl}/account?done=password_changed_signed_out` };
  },
  html: problemsOnly,
});
