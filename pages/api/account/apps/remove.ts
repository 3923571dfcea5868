import { clientCardInfo } from "@/components/client-card";
import { html } from "@/components/html";
import { type RemoveAppView, removeAppScreen } from "@/components/screens/account-screens";
import { connectedApps } from "@/lib/account/apps";
import { config as appConfig } from "@/lib/config";
import { listConsentSessions } from "@/lib/hydra/consent-sessions";
import { serveAccountPage } from "@/lib/server/account/serve";
import { clientQuerySchema } from "@/lib/validations/account-input";

export const config = { api: { bodyParser: false } };

/** GET /account/apps/remove?client=…: asks before taking an app's access away; an app not connected (any more) leads back. */
export default serveAccountPage<RemoveAppView>(async ({ account, formToken, page, locale }) => {
  const clientId = clientQuerySchema.safeParse(page.query.client).data;
  const { appUrl, account: accountConfig } = appConfig();
  const apps = clientId ? connectedApps(await listConsentSessions(account.subject), { hiddenClientId: accountConfig?.clientId ?? "", now: new Date(), locale }) : [];
  const app = apps.find((candidate) => candidate.client.id === clientId);
  if (!app) return { kind: "redirect", to: `${appUrl}/account` };
  return { kind: "show", view: { csrf: formToken, clientId: app.client.id, client: clientCardInfo(app.client) } };
}, html(removeAppScreen));
