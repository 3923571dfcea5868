import { html } from "@/components/html";
import { selfServiceScreen } from "@/components/screens/self-service-screens";
import { config as appConfig } from "@/lib/config";
import { registerPage } from "@/lib/server/self-service/actions";
import { serveSelfServicePage } from "@/lib/server/self-service/serve";

export const config = { api: { bodyParser: false } };

/** GET /register?login_challenge=…: the sign-up form, keeping the flow to come back to. */
export default serveSelfServicePage(() => appConfig().selfService.registration, registerPage, html(selfServiceScreen));
