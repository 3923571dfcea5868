import { html } from "@/components/html";
import { selfServiceScreen } from "@/components/screens/self-service-screens";
import { config as appConfig } from "@/lib/config";
import { reset } from "@/lib/server/self-service/actions";
import { serveSelfServiceForm } from "@/lib/server/self-service/serve";
import { resetFormSchema } from "@/lib/validations/self-service-input";

export const config = { api: { bodyParser: false } };

/** POST /reset-password/submit: sets the password and ends every other sign-in of the account. */
export default serveSelfServiceForm({ enabled: () => appConfig().selfService.passwordReset, schema: resetFormSchema, submit: reset, html: html(selfServiceScreen) });
