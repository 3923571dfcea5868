import { html } from "@/components/html";
import { selfServiceScreen } from "@/components/screens/self-service-screens";
import { config as appConfig } from "@/lib/config";
import { verifyPage } from "@/lib/server/self-service/actions";
import { serveSelfServicePage } from "@/lib/server/self-service/serve";

export const config = { api: { bodyParser: false } };

/** GET /verify?token=… (the e-mailed link: a button that spends it) or ?login_challenge=… (the code form). */
export default serveSelfServicePage(() => appConfig().selfService.mail !== null, verifyPage, html(selfServiceScreen));
