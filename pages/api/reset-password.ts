import { html } from "@/components/html";
import { selfServiceScreen } from "@/components/screens/self-service-screens";
import { config as appConfig } from "@/lib/config";
import { resetPage } from "@/lib/server/self-service/actions";
import { serveSelfServicePage } from "@/lib/server/self-service/serve";

export const config = { api: { bodyParser: false } };

/** GET /reset-password?token=…: the new password form, for a link still valid. */
export default serveSelfServicePage(() => appConfig().selfService.passwordReset, resetPage, html(selfServiceScreen));
