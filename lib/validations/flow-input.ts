import { z } from "zod";

// Hydra's login and consent challenges are base64url (1–2 KB, growing with the client); logout challenges are UUIDs.
export const challengeSchema = z
  .string()
  .min(1)
  .max(8192)
  .regex(/^[A-Za-z0-9._~=-]+$/);

const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined && value !== "");

const action = z.enum(["accept", "reject"]);
// A missing token is a forged post (403), not a malformed one: it defaults to empty and fails the token check.
const csrf = z.string().max(200).default("");

export const loginFormSchema = z.object({
  challenge: challengeSchema,
  csrf,
  action,
  email: z.string().max(320).default(""),
  password: z.string().max(1024).default(""),
  remember: checkbox,
});

export const consentFormSchema = z.object({
  challenge: challengeSchema,
  csrf,
  action,
  grant_scope: z.array(z.string().max(256)).max(100).default([]),
  remember: checkbox,
});

/** The second step: a code from the app or a recovery code; "unmet" ends the flow when the account has no second factor. */
export const secondStepFormSchema = z.object({
  challenge: challengeSchema,
  csrf,
  action: z.enum(["accept", "reject", "unmet"]),
  code: z.string().max(64).default(""),
});

export const logoutFormSchema = z.object({ challenge: challengeSchema, csrf, action });

/** FormData to a plain object; `grant_scope` may repeat (one checkbox per scope), nothing else may. */
export function formFields(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (key === "grant_scope") {
      const scopes = Array.isArray(fields.grant_scope) ? fields.grant_scope : [];
      fields.grant_scope = [...scopes, value];
    } else {
      // null fails every schema: a repeated field is refused rather than guessed at.
      fields[key] = key in fields ? null : value;
    }
  }
  return fields;
}

export type LoginForm = z.output<typeof loginFormSchema>;
export type ConsentForm = z.output<typeof consentFormSchema>;
export type SecondStepForm = z.output<typeof secondStepFormSchema>;
export type LogoutForm = z.output<typeof logoutFormSchema>;
