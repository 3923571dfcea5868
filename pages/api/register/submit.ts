import { html } from "@/components/html";
import { selfServiceScreen } from "@/components/screens/self-service-screens";
import { config as appConfig } from "@/lib/config";
import { register } from "@/lib/server/self-service/actions";
import { serveSelfServiceForm } from "@/lib/server/self-service/serve";
import { registerFormSchema } from "@/lib/validations/self-service-input";

export const config = { api: { bodyParser: false } };

/** POST /register/submit: the same "check your e-mail" page for a new and a taken address. */
export default serveSelfServiceForm({ enabled: () => appConfig().selfService.registration, schema: registerFormSchema, submit: register, html: html(selfServiceScreen) });
