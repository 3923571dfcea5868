import { html } from "@/components/html";
import { selfServiceScreen } from "@/components/screens/self-service-screens";
import { config as appConfig } from "@/lib/config";
import { forgotPage } from "@/lib/server/self-service/actions";
import { serveSelfServicePage } from "@/lib/server/self-service/serve";

export const config = { api: { bodyParser: false } };

/** GET /forgot-password?login_challenge=…: the address to send a reset link to. */
export default serveSelfServicePage(() => appConfig().selfService.passwordReset, forgotPage, html(selfServiceScreen));
