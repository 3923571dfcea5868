import { html } from "@/components/html";
import { type PlaygroundStartView, playgroundScreen } from "@/components/screens/admin-playground";
import { authorizationUrl, checkStart, newFlowSecrets, parseScopes, playgroundAuthMethod, playgroundUris } from "@/lib/admin/playground";
import { config as appConfig } from "@/lib/config";
import { getClient } from "@/lib/hydra/clients";
import { serveAccountForm } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { keepPlaygroundFlow } from "@/lib/server/admin/playground-session";
import { consoleOrigin, playgroundStartView } from "@/lib/server/admin/playground-view";
import { type PlaygroundStartForm, playgroundStartFormSchema } from "@/lib/validations/admin-playground";

export const config = { api: { bodyParser: false } };

/**
 * POST /admin/playground/start: checks the client, keeps the flow's PKCE
 * verifier, state, nonce and the secret in a sealed cookie, and sends the
 * browser to Hydra's authorization endpoint (oAuth2Authorize). A refused
 * form comes back with its errors, the secret never typed back in.
 */
export default serveAccountForm<PlaygroundStartForm, PlaygroundStartView>({
  schema: playgroundStartFormSchema,
  area: adminArea,
  returnTo: () => "/admin/playground",
  act: async (form, { account, formToken, response }) => {
    const { callback } = playgroundUris(consoleOrigin());
    const client = form.client ? await getClient(form.client) : undefined;
    const errors = checkStart({ client, clientId: form.client, scope: form.scope, secret: form.client_secret, callback });
    if (!client || Object.keys(errors).length > 0) {
      const view = await playgroundStartView({ email: account.user.email, csrf: formToken }, { client: form.client, scope: form.scope }, errors);
      return { kind: "page", status: 422, view };
    }
    const { codeVerifier, codeChallenge, state, nonce } = newFlowSecrets();
    const scope = (parseScopes(form.scope) ?? []).join(" ");
    const clientSecret = playgroundAuthMethod(client) === "basic" ? form.client_secret : undefined;
    await keepPlaygroundFlow(response, { clientId: client.client_id, clientSecret, codeVerifier, state, nonce, scope, redirectUri: callback });
    const to = authorizationUrl(appConfig().hydra.publicUrl, { clientId: client.client_id, redirectUri: callback, scope, state, nonce, codeChallenge });
    return { kind: "redirect", to };
  },
  html: html(playgroundScreen),
});
