import { html } from "@/components/html";
import { endSessionsScreen } from "@/components/screens/account-screens";
import { serveAccountPage } from "@/lib/server/account/serve";

export const config = { api: { bodyParser: false } };

/** GET /account/sessions/end: asks before signing out everywhere, and says what that does not stop. */
export default serveAccountPage<{ csrf: string }>(async ({ formToken }) => ({ kind: "show", view: { csrf: formToken } }), html(endSessionsScreen));
