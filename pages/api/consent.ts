import { clientCardInfo } from "@/components/client-card";
import { html } from "@/components/html";
import { type ConsentView, consentScreen } from "@/components/screens/consent-screen";
import { messagesFor } from "@/lib/i18n";
import { scopeCatalogue } from "@/lib/scopes/catalogue";
import { type ShownScope, consentScopeView } from "@/lib/scopes/consent-view";
import { audienceLabel, scopeText } from "@/lib/scopes/text";
import { serveFlowPage } from "@/lib/server/serve";
import * as consent from "@/lib/server/steps/consent";

export const config = { api: { bodyParser: false } };

/** GET /consent?consent_challenge=…: Hydra's answer for a remembered consent or a trusted client, or the question. */
export default serveFlowPage({
  param: "consent_challenge",
  start: consent.start,
  view: ({ request, user, previouslyGranted }, page, locale): ConsentView => {
    const catalogue = scopeCatalogue();
    const scopes = consentScopeView({ requested: request.requestedScope, catalogue, previouslyGranted });
    const messages = messagesFor(locale);
    const item = (scope: ShownScope) => ({ ...scope, ...scopeText(scope.name, locale, catalogue, messages) });
    return {
      client: clientCardInfo(request.client),
      challenge: request.challenge,
      csrf: page.formToken("consent", request.challenge),
      subject: user.email,
      newScopes: scopes.newScopes.map(item),
      grantedScopes: scopes.grantedScopes.map(item),
      audience: request.requestedAudience.map(audienceLabel),
    };
  },
  html: html(consentScreen),
});
