import { html } from "@/components/html";
import { type TwoFactorView, twoFactorScreen } from "@/components/screens/account-two-factor";
import { serveAccountPage, twoStepArea } from "@/lib/server/account/serve";
import { startEnrolment } from "@/lib/server/account/two-factor";

export const config = { api: { bodyParser: false } };

/**
 * GET /account/two-factor: a new seed each time, kept unconfirmed, with its QR
 * code and key. An app already set up is left alone; replacing it is a post.
 */
export default serveAccountPage<TwoFactorView>(
  async ({ account, formToken }) => {
    const enrolment = await startEnrolment(account, new Date());
    if (enrolment === "already_set_up") return { kind: "show", view: { kind: "already_set_up", csrf: formToken } };
    return { kind: "show", view: { kind: "enrol", csrf: formToken, ...enrolment, wrongCode: false } };
  },
  html(twoFactorScreen),
  { area: twoStepArea, use: "change" },
);
