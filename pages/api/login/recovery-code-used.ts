import { html } from "@/components/html";
import { recoveryCodeUsedScreen } from "@/components/screens/login-second-factor";
import { config as appConfig } from "@/lib/config";
import { problem } from "@/lib/flows/problems";
import { servePage } from "@/lib/server/serve";
import { recoveryCodeNotice } from "@/lib/server/steps/second-factor";

export const config = { api: { bodyParser: false } };

/** GET /login/recovery-code-used: shown once a sign-in used a recovery code; where it continues comes from this browser's flow session only. */
export default servePage(async (page) => {
  const notice = recoveryCodeNotice(page.existingSession);
  if (!notice) return problem("page_not_found");
  return { kind: "show", view: { ...notice, renewUrl: `${appConfig().appUrl}/account/two-factor/recovery-codes` }, locale: page.chooseLocale() };
}, html(recoveryCodeUsedScreen));
