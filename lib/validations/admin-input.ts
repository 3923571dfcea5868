import { z } from "zod";

/** /admin/audit?before=<seq>: a malformed, repeated or missing value shows the newest page, never an error. */
export const auditQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
