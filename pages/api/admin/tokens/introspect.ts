import { html } from "@/components/html";
import { type TokensView, tokensScreen } from "@/components/screens/admin-tokens";
import { decodeJwt } from "@/lib/admin/jwt-view";
import { introspect } from "@/lib/hydra/tokens";
import { serveAccountForm } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { hydraRefusal } from "@/lib/server/admin/hydra-refusal";
import { checkIntrospectForm, introspectFormSchema } from "@/lib/validations/admin-tokens";

export const config = { api: { bodyParser: false } };

/**
 * POST /admin/tokens/introspect (introspectOAuth2Token): the answer is a page,
 * so the token never sits in a URL; it is neither logged nor stored, nor
 * written back into the page.
 */
export default serveAccountForm<{ csrf: string; token: string; scope: string }, TokensView>({
  schema: introspectFormSchema,
  area: adminArea,
  returnTo: () => "/admin/tokens",
  act: async (form, { account, formToken }) => {
    const frame = { email: account.user.email, csrf: formToken, scope: form.scope };
    const checked = checkIntrospectForm(form);
    if ("errors" in checked) return { kind: "page", status: 422, view: { ...frame, errors: checked.errors } };
    try {
      const introspection = await introspect(checked.token, checked.scope);
      return { kind: "page", status: 200, view: { ...frame, errors: {}, result: { introspection, jwt: decodeJwt(checked.token) } } };
    } catch (error) {
      return { kind: "page", status: 422, view: { ...frame, errors: {}, hydraError: hydraRefusal(error) } };
    }
  },
  html: html(tokensScreen),
});
