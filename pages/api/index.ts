import { html } from "@/components/html";
import { homeScreen } from "@/components/screens/info-screens";
import { servePage } from "@/lib/server/serve";

export const config = { api: { bodyParser: false } };

/** GET /: what this service is. */
export default servePage<null>(async (page) => ({ kind: "show", view: null, locale: page.chooseLocale() }), html(homeScreen));
