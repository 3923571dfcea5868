import { problemsOnly } from "@/components/html";
import { allChanges } from "@/lib/audit/store";
import { serveAccountPage } from "@/lib/server/account/serve";
import { adminArea } from "@/lib/server/admin/area";

export const config = { api: { bodyParser: false } };

/** GET /admin/audit/export: the whole audit log as JSON lines, oldest first, streamed. */
export default serveAccountPage<never>(
  async ({ response }) => {
    response.statusCode = 200;
    response.setHeader("Content-Type", "application/x-ndjson; charset=utf-8");
    response.setHeader("Content-Disposition", 'attachment; filename="audit-log.jsonl"');
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    for await (const entry of allChanges()) {
      const line = { ...entry, at: entry.at.toISOString() };
      if (!response.write(`${JSON.stringify(line)}\n`)) await new Promise((resolve) => response.once("drain", resolve));
    }
    response.end();
    return { kind: "sent" };
  },
  problemsOnly,
  { area: adminArea },
);
