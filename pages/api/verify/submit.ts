import { html } from "@/components/html";
import { selfServiceScreen } from "@/components/screens/self-service-screens";
import { config as appConfig } from "@/lib/config";
import { verify } from "@/lib/server/self-service/actions";
import { serveSelfServiceForm } from "@/lib/server/self-service/serve";
import { verifyFormSchema } from "@/lib/validations/self-service-input";

export const config = { api: { bodyParser: false } };

/** POST /verify/submit: a link's token or a typed code; a flow begun here goes on signed in. */
export default serveSelfServiceForm({ enabled: () => appConfig().selfService.mail !== null, schema: verifyFormSchema, submit: verify, html: html(selfServiceScreen) });
