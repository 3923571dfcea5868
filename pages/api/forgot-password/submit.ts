import { html } from "@/components/html";
import { selfServiceScreen } from "@/components/screens/self-service-screens";
import { config as appConfig } from "@/lib/config";
import { forgot } from "@/lib/server/self-service/actions";
import { serveSelfServiceForm } from "@/lib/server/self-service/serve";
import { forgotFormSchema } from "@/lib/validations/self-service-input";

export const config = { api: { bodyParser: false } };

/** POST /forgot-password/submit: the same page whether or not the address has an account. */
export default serveSelfServiceForm({ enabled: () => appConfig().selfService.passwordReset, schema: forgotFormSchema, submit: forgot, html: html(selfServiceScreen) });
