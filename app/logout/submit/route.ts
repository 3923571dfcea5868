import { config } from "@/lib/config";
import { acceptLogout, rejectLogout } from "@/lib/hydra";
import { badRequest, readFlowForm, seeOther } from "@/lib/server/form-post";
import { settlePost } from "@/lib/server/post-outcome";
import { logoutFormSchema } from "@/lib/validations/flow-input";

export async function POST(request: Request) {
  const form = await readFlowForm(request, logoutFormSchema);
  if (!form) return badRequest();
  const pageUrl = `${config().appUrl}/logout?logout_challenge=${encodeURIComponent(form.challenge)}`;

  return settlePost(pageUrl, async () => {
    if (form.action === "accept") return seeOther(await acceptLogout(form.challenge));
    // Hydra keeps the session on reject and leaves the destination to us: a configured page, never a parameter.
    await rejectLogout(form.challenge);
    return seeOther(config().logoutRejectUrl);
  });
}
