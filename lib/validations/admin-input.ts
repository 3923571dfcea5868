import { z } from "zod";

/** /admin/audit?before=<seq>: a malformed, repeated or missing value shows the newest page, never an error. */
export const auditQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

/** Where the console sends the browser back to: one of its own paths (with a query), else its home. */
export const consolePathSchema = z
  .string()
  .regex(/^\/admin(\/[\w\-/]*)?(\?[\w\-.~%=&+]*)?$/)
  .catch("/admin");

const csrf = z.string().max(200).default("");
/** A subject as Hydra keeps it: an account id, or an upstream's own. */
const subject = z.string().trim().min(1).max(500);

/** /admin/subjects?q=: an account's email or a subject id; empty shows the search alone. */
export const subjectQuerySchema = z.object({ q: z.string().trim().max(500).catch("").default("") });

/** Revoke one client's consent sessions of a subject, or every one of them (client empty). */
export const revokeConsentFormSchema = z.object({ csrf, subject, client: z.string().max(255).default("") });

/** Revoke a subject's login sessions: all of them, or the one with this session id (sid). */
export const revokeLoginFormSchema = z.object({ csrf, subject, sid: z.string().max(255).default("") });

/** /admin/clients?client_name=&owner=&page_token=: exact-match filters and Hydra's page token; anything malformed is dropped. */
export const clientsQuerySchema = z.object({
  client_name: z.string().trim().max(255).catch("").default(""),
  owner: z.string().trim().max(255).catch("").default(""),
  page_token: z.string().max(512).regex(/^[\w=-]*$/).catch("").default(""),
  deleted: z.string().max(255).catch("").default(""),
});

/** ?id= of one client: Hydra's ids are free text, so only their length and repetition are checked here. */
export const clientIdQuerySchema = z.object({ id: z.string().min(1).max(255).optional().catch(undefined) });

/** The create form: its preset (to show the same title again) and every client field as text. */
export const clientFormPostSchema = z.object({ csrf }).catchall(z.string().max(20_000));

/** Delete, revoke tokens, new secret: the client, and for delete its id typed again. */
export const clientActionFormSchema = z.object({ csrf, id: z.string().min(1).max(255), confirm_id: z.string().max(255).default("") });
