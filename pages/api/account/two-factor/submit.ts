import { html } from "@/components/html";
import { type TwoFactorView, twoFactorScreen } from "@/components/screens/account-two-factor";
import { config as appConfig } from "@/lib/config";
import { problem } from "@/lib/flows/problems";
import { serveAccountForm, twoStepArea } from "@/lib/server/account/serve";
import { confirmEnrolment } from "@/lib/server/account/two-factor";
import { twoFactorCodeFormSchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/**
 * POST /account/two-factor/submit: the first code confirms the app, and the
 * recovery codes are shown in the answer, once; a wrong code shows the same
 * seed again.
 */
export default serveAccountForm<{ csrf: string; code: string }, TwoFactorView>({
  area: twoStepArea,
  schema: twoFactorCodeFormSchema,
  act: async (form, { account, clientAddress, formToken }) => {
    const result = await confirmEnrolment(account, form.code, clientAddress, new Date());
    switch (result.kind) {
      case "too_many":
        return problem("too_many", result.retryAfter);
      case "nothing_pending":
        return { kind: "redirect", to: `${appConfig().appUrl}/account/two-factor` };
      case "wrong_code":
        return { kind: "page", status: 422, view: { kind: "enrol", csrf: formToken, ...result.enrolment, wrongCode: true } };
      case "confirmed":
        return { kind: "page", status: 200, view: { kind: "codes", codes: result.codes, renewed: false } };
    }
  },
  html: html(twoFactorScreen),
  returnTo: () => "/account/two-factor",
});
