import { z } from "zod";
import { challengeSchema } from "./flow-input";

const csrf = z.string().max(200).default("");

/** A provider id as configured (lib/upstream/config.ts). */
export const providerIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/);

export const upstreamFailureSchema = z.enum(["denied", "mismatch", "no_flow", "failed", "no_email"]);

export const upstreamAbandonFormSchema = z.object({ challenge: challengeSchema, csrf });

export const upstreamLinkFormSchema = z.object({
  challenge: challengeSchema,
  csrf,
  action: z.enum(["accept", "reject"]),
  email: z.string().max(320).default(""),
  password: z.string().max(1024).default(""),
});

/** The parameters an authorization response may carry back (RFC 6749 §4.1.2, RFC 9207 iss); each at most once. */
export const upstreamResponseSchema = z
  .object({
    code: z.string().max(4096).optional(),
    state: z.string().max(1024).optional(),
    iss: z.string().max(2000).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(2000).optional(),
    error_uri: z.string().max(2000).optional(),
    session_state: z.string().max(2000).optional(),
    scope: z.string().max(4096).optional(),
    authuser: z.string().max(100).optional(),
    prompt: z.string().max(100).optional(),
    hd: z.string().max(300).optional(),
    user: z.string().max(2000).optional(),
  })
  .strip();

export type UpstreamAbandonForm = z.output<typeof upstreamAbandonFormSchema>;
export type UpstreamLinkForm = z.output<typeof upstreamLinkFormSchema>;
