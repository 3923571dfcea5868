import { problemsOnly } from "@/components/html";
import { serveAccountPage } from "@/lib/server/account/serve";
import { pinOrigin } from "@/lib/server/account/auth";
import { adminArea } from "@/lib/server/admin/area";
import { consolePathSchema } from "@/lib/validations/admin-input";

export const config = { api: { bodyParser: false } };

/**
 * GET /admin/reauthenticate?to=/admin/…: a page that needs a recent sign-in
 * (Hydra asks for the password again with max_age when it is older), and
 * then sends the browser on to the console page a change was made from.
 */
export default serveAccountPage<never>(
  async ({ page, request }) => {
    return { kind: "redirect", to: `${pinOrigin(request)}${consolePathSchema.parse(page.query.to)}` };
  },
  problemsOnly,
  { area: adminArea, use: "change" },
);
