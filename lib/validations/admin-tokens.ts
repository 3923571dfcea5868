import { z } from "zod";
import { parseScopes } from "@/lib/admin/playground";

/**
 * Longer than any token Hydra issues (an opaque token is under 100
 * characters, a JWT with a large `ext` a few KB); a paste beyond it is a
 * mistake, shown as a field error rather than sent to Hydra.
 */
export const maxTokenLength = 8192;

const csrf = z.string().max(200).default("");

/** The pasted token (the gate already caps the whole body at 16 KB) and, optionally, scopes it must carry. */
export const introspectFormSchema = z.object({ csrf, token: z.string().default(""), scope: z.string().max(2000).default("") });
export type IntrospectForm = z.output<typeof introspectFormSchema>;

export type IntrospectErrors = { token?: "tokenMissing" | "tokenTooLong"; scope?: "scopeInvalid" };

/** The token as Hydra should see it (a paste's surrounding whitespace dropped), or why it cannot be asked about. */
export function checkIntrospectForm(form: IntrospectForm): { token: string; scope: string } | { errors: IntrospectErrors } {
  const token = form.token.trim();
  const scopes = parseScopes(form.scope);
  const errors: IntrospectErrors = {};
  if (!token) errors.token = "tokenMissing";
  else if (token.length > maxTokenLength) errors.token = "tokenTooLong";
  if (!scopes) errors.scope = "scopeInvalid";
  return errors.token || errors.scope ? { errors } : { token, scope: (scopes ?? []).join(" ") };
}
