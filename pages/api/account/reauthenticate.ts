import { problemsOnly } from "@/components/html";
import { pinOrigin } from "@/lib/server/account/auth";
import { recentSignInArea, serveAccountPage } from "@/lib/server/account/serve";
import { accountPathSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/**
 * GET /account/reauthenticate?to=/account/…: a change that adds or removes a
 * way to sign in needs a recent sign-in (Hydra asks again with max_age when
 * the last one is older than ACCOUNT_REAUTH_MAX_AGE); then the browser goes
 * back to the account page the change was made from.
 */
export default serveAccountPage<never>(
  async ({ page, request }) => ({ kind: "redirect", to: `${pinOrigin(request)}${accountPathSchema.parse(page.query.to)}` }),
  problemsOnly,
  { area: recentSignInArea, use: "change" },
);
