import { z } from "zod";

const csrf = z.string().max(200).default("");
/** A value that was typed: kept as typed (the form shows it again), checked by lib/admin/issuer-form.ts. */
const typed = (max: number) => z.string().max(max).default("");

/** Hydra's grant ids are UUIDs (oauth2/trust/handler.go); anything else finds nothing. */
export const issuerIdSchema = z.string().trim().regex(/^[0-9a-fA-F-]{1,64}$/);

/** /admin/issuers?issuer=&page_token=: a malformed value is dropped, never an error. */
export const issuerListQuerySchema = z.object({
  issuer: z.string().trim().max(1000).catch("").default(""),
  page_token: z
    .string()
    .regex(/^[A-Za-z0-9_=-]{1,200}$/)
    .optional()
    .catch(undefined),
});

/** /admin/issuers/view?id= and /admin/issuers/delete?id=: no id, or a malformed one, shows "no such issuer". */
export const issuerIdQuerySchema = z.object({ id: issuerIdSchema.optional().catch(undefined) });

/** What the list shows above its table after a change. */
export const issuerNotices = ["deleted"] as const;
export const issuerNoticeSchema = z.enum(issuerNotices).nullable().catch(null);

/**
 * The trust form as posted: every field a string, at most its size (the gate caps
 * the whole body at 16 KiB). The key comes pasted (`jwk`) or as a file (`jwk_file`,
 * read as text by the gate).
 */
export const trustIssuerFormSchema = z.object({
  csrf,
  issuer: typed(1000),
  subject_kind: z.enum(["subject", "any"]).catch("subject").default("subject"),
  subject: typed(500),
  scope: typed(4000),
  expires_at: typed(40),
  jwk: typed(16 * 1024),
  jwk_file: typed(16 * 1024),
});

export type TrustIssuerForm = z.output<typeof trustIssuerFormSchema>;

/** The delete confirmation's post. */
export const deleteIssuerFormSchema = z.object({ csrf, id: issuerIdSchema });
