import { config } from "@/lib/config";
import { consentAcceptBody } from "@/lib/flows/consent";
import { deniedByUser } from "@/lib/flows/denial";
import { acceptConsent, getConsentRequest, rejectConsent } from "@/lib/hydra";
import { findUserById } from "@/lib/identity/users";
import { scopeCatalogue } from "@/lib/scopes/catalogue";
import { scopesGrantedRegardless } from "@/lib/scopes/consent-view";
import { badRequest, readFlowForm, seeOther } from "@/lib/server/form-post";
import { settlePost } from "@/lib/server/post-outcome";
import { consentFormSchema } from "@/lib/validations/flow-input";

export async function POST(request: Request) {
  const form = await readFlowForm(request, consentFormSchema);
  if (!form) return badRequest();
  const pageUrl = `${config().appUrl}/consent?consent_challenge=${encodeURIComponent(form.challenge)}`;

  return settlePost(pageUrl, async () => {
    if (form.action === "reject") return seeOther(await rejectConsent(form.challenge, deniedByUser));

    const consentRequest = await getConsentRequest(form.challenge);
    const user = await findUserById(consentRequest.subject);
    if (!user) return seeOther(pageUrl);
    const body = consentAcceptBody({
      request: consentRequest,
      user,
      ticked: form.grant_scope,
      remember: form.remember,
      policy: { rememberFor: config().rememberConsentFor },
      grantedRegardless: scopesGrantedRegardless(consentRequest.requestedScope, scopeCatalogue()),
    });
    return seeOther(await acceptConsent(form.challenge, body));
  });
}
