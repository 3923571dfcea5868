import { html } from "@/components/html";
import { signInFailedScreen } from "@/components/screens/account-screens";
import { problem } from "@/lib/flows/problems";
import { servePage } from "@/lib/server/serve";

export const config = { api: { bodyParser: false } };

/**
 * GET /account/sign-in: next-auth's sign-in and error page. OAuthSignin
 * means the sign-in could not even start (Hydra's discovery did not answer):
 * the account page is unavailable. Anything else is a way back from Hydra
 * that did not finish, and trying again starts afresh.
 */
export default servePage<null>(async (page) => {
  if (page.query.error === "OAuthSignin") return problem("account_unavailable");
  return { kind: "show", view: null, locale: page.chooseLocale() };
}, html(signInFailedScreen));
