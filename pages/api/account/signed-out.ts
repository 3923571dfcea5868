import { html } from "@/components/html";
import { signedOutScreen } from "@/components/screens/account-screens";
import { servePage } from "@/lib/server/serve";

export const config = { api: { bodyParser: false } };

/** GET /account/signed-out: where Hydra's logout and "sign out everywhere" end. */
export default servePage<{ everywhere: boolean }>(
  async (page) => ({ kind: "show", view: { everywhere: page.query.everywhere === "1" }, locale: page.chooseLocale() }),
  html(signedOutScreen),
);
