import { html } from "@/components/html";
import { type TwoFactorView, twoFactorScreen } from "@/components/screens/account-two-factor";
import { serveAccountForm, twoStepArea, withRecentSignIn } from "@/lib/server/account/serve";
import { startReplacement } from "@/lib/server/account/two-factor";
import { tokenOnlyFormSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/** POST /account/two-factor/replace: the app set up stops working (after a recent sign-in), and a new seed waits for its first code. */
export default serveAccountForm<{ csrf: string }, TwoFactorView>({
  area: withRecentSignIn(twoStepArea),
  schema: tokenOnlyFormSchema,
  act: async (_form, { account, formToken }) => {
    const enrolment = await startReplacement(account, new Date());
    return { kind: "page", status: 200, view: { kind: "enrol", csrf: formToken, ...enrolment, wrongCode: false } };
  },
  html: html(twoFactorScreen),
  returnTo: () => "/account/two-factor",
});
