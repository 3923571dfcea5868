import { cookies } from "next/headers";
import { config } from "@/lib/config";
import { deniedByUser } from "@/lib/flows/denial";
import { loginAcceptBody } from "@/lib/flows/login";
import { acceptLogin, getLoginRequest, rejectLogin } from "@/lib/hydra";
import { authenticate } from "@/lib/identity/users";
import { flowCookieName, flowCookieOptions, sealFlowSession } from "@/lib/security/flow-session";
import { currentFlowSession, loginPolicy } from "@/lib/server/context";
import { badRequest, readFlowForm, seeOther } from "@/lib/server/form-post";
import { settlePost } from "@/lib/server/post-outcome";
import { clearSignInFailures, recordSignInFailure } from "@/lib/server/sign-in-throttle";
import { loginFormSchema } from "@/lib/validations/flow-input";

export async function POST(request: Request) {
  const form = await readFlowForm(request, loginFormSchema);
  if (!form) return badRequest();
  const pageUrl = `${config().appUrl}/login?login_challenge=${encodeURIComponent(form.challenge)}`;

  return settlePost(pageUrl, async () => {
    if (form.action === "reject") return seeOther(await rejectLogin(form.challenge, deniedByUser));

    const loginRequest = await getLoginRequest(form.challenge);
    const user = await authenticate(form.email, form.password);
    if (!user) {
      await recordSignInFailure(form.email, request.headers);
      await keepEmailForRetry(form.challenge, form.email);
      return seeOther(`${pageUrl}&error=invalid_credentials`);
    }
    await clearSignInFailures(form.email, request.headers);
    const body = loginAcceptBody({
      subject: user.id,
      remember: form.remember,
      methods: ["pwd"],
      policy: loginPolicy(),
      request: loginRequest,
    });
    return seeOther(await acceptLogin(form.challenge, body));
  });
}

async function keepEmailForRetry(challenge: string, email: string): Promise<void> {
  const session = await currentFlowSession();
  if (!session) return;
  const sealed = await sealFlowSession({ ...session, flash: { challenge, email } });
  (await cookies()).set(flowCookieName(), sealed, flowCookieOptions());
}
