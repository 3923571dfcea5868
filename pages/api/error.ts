import { z } from "zod";
import { html } from "@/components/html";
import { type HydraErrorView, hydraErrorScreen } from "@/components/screens/info-screens";
import { servePage } from "@/lib/server/serve";

export const config = { api: { bodyParser: false } };

// Hydra sends the browser here with its error when no client redirect is possible. Shown as text, never as HTML.
const errorQuery = z.object({
  error: z.string().max(200).optional().catch(undefined),
  error_description: z.string().max(1000).optional().catch(undefined),
});

/** GET /error: Hydra's error page (urls.error). */
export default servePage<HydraErrorView>(async (page) => {
  const query = errorQuery.parse(page.query);
  return { kind: "show", view: { error: query.error ?? null, description: query.error_description ?? null }, locale: page.chooseLocale() };
}, html(hydraErrorScreen));
