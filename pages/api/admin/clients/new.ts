import { html } from "@/components/html";
import { type ClientFormView, clientFormScreen } from "@/components/screens/admin-clients";
import { type ClientPresetName, clientPresetNames, clientPresets } from "@/lib/admin/client-presets";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";
import { z } from "zod";

export const config = { api: { bodyParser: false } };

const presetSchema = z.enum(clientPresetNames).catch("web");

/** GET /admin/clients/new?preset=web|spa_native|machine|jwt_bearer: the client form, filled for that kind of app. */
export default serveAccountPage<ClientFormView>(
  async ({ account, formToken, page }) => {
    const preset: ClientPresetName = presetSchema.parse(page.query.preset);
    return {
      kind: "show",
      view: { email: account.user.email, csrf: formToken, mode: { kind: "new", preset }, values: clientPresets[preset], errors: {} },
    };
  },
  html(clientFormScreen),
  { area: adminArea, use: "change" },
);
