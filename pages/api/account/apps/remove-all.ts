import { html } from "@/components/html";
import { type RemoveAllView, removeAllScreen } from "@/components/screens/account-screens";
import { connectedClientIds } from "@/lib/account/apps";
import { config as appConfig } from "@/lib/config";
import { listConsentSessions } from "@/lib/hydra/consent-sessions";
import { serveAccountPage } from "@/lib/server/account/serve";

export const config = { api: { bodyParser: false } };

/** GET /account/apps/remove-all: asks before taking every app's access away. */
export default serveAccountPage<RemoveAllView>(async ({ account, formToken }) => {
  const { appUrl, account: accountConfig } = appConfig();
  const count = connectedClientIds(await listConsentSessions(account.subject), accountConfig?.clientId ?? "").length;
  if (count === 0) return { kind: "redirect", to: `${appUrl}/account` };
  return { kind: "show", view: { csrf: formToken, count } };
}, html(removeAllScreen));
