import { html } from "@/components/html";
import { selfServiceScreen } from "@/components/screens/self-service-screens";
import { config as appConfig } from "@/lib/config";
import { resend } from "@/lib/server/self-service/actions";
import { serveSelfServiceForm } from "@/lib/server/self-service/serve";
import { resendFormSchema } from "@/lib/validations/self-service-input";

export const config = { api: { bodyParser: false } };

/** POST /verify/resend: a new code and link to the address typed in this browser; the earlier ones stop working. */
export default serveSelfServiceForm({ enabled: () => appConfig().selfService.mail !== null, schema: resendFormSchema, submit: resend, html: html(selfServiceScreen) });
