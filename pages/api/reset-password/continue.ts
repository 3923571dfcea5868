import { html } from "@/components/html";
import { selfServiceScreen } from "@/components/screens/self-service-screens";
import { config as appConfig } from "@/lib/config";
import { continueAfterReset } from "@/lib/server/self-service/actions";
import { serveSelfServiceForm } from "@/lib/server/self-service/serve";
import { continueFormSchema } from "@/lib/validations/self-service-input";

export const config = { api: { bodyParser: false } };

/** POST /reset-password/continue: the flow goes on after a reset, through the second step when the account has one. */
export default serveSelfServiceForm({ enabled: () => appConfig().selfService.passwordReset, schema: continueFormSchema, submit: continueAfterReset, html: html(selfServiceScreen) });
