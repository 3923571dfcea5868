import { html } from "@/components/html";
import { loggedOutScreen } from "@/components/screens/info-screens";
import { servePage } from "@/lib/server/serve";

export const config = { api: { bodyParser: false } };

/** GET /logged-out: Hydra's post-logout page when the client named none (urls.post_logout_redirect). */
export default servePage<null>(async (page) => ({ kind: "show", view: null, locale: page.chooseLocale() }), html(loggedOutScreen));
