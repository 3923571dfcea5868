import { z } from "zod";
import { locales } from "@/lib/i18n/locales";

// As in flow-input.ts: a missing token is a forged post (403), not a malformed one.
const csrf = z.string().max(200).default("");
const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined && value !== "");
/** A profile field: trimmed, and empty means "not set". */
const profileText = z
  .string()
  .max(200)
  .default("")
  .transform((value) => value.trim() || null);

export const profileFormSchema = z.object({
  csrf,
  name: profileText,
  given_name: profileText,
  family_name: profileText,
  locale: z
    .enum(["", ...locales])
    .default("")
    .transform((value) => value || null),
});

export const passwordFormSchema = z.object({
  csrf,
  current: z.string().max(1024).default(""),
  next: z.string().max(1024).default(""),
  confirm: z.string().max(1024).default(""),
  keep_sessions: checkbox,
});

/** The first password of an account that has none: no current password to give. */
export const setPasswordFormSchema = z.object({
  csrf,
  next: z.string().max(1024).default(""),
  confirm: z.string().max(1024).default(""),
});

/** An upstream link: the provider's id (perhaps no longer configured) and the subject it gave. */
const linkProvider = z.string().min(1).max(64);
const linkSubject = z.string().min(1).max(1024);
export const removeLinkFormSchema = z.object({ csrf, provider: linkProvider, subject: linkSubject });
/** /account/providers/remove?provider=…&subject=… before the confirmation. */
export const linkQuerySchema = z.object({ provider: linkProvider, subject: linkSubject });
/** What the sign-in providers page says after an action (/account/providers?done=…). */
export const linkNoticeSchema = z.enum(["removed"]);
export type LinkNotice = z.output<typeof linkNoticeSchema>;

export const removeAppFormSchema = z.object({ csrf, client: z.string().min(1).max(255) });

/** The first code from an authenticator app, typed back to confirm it (lib/second-factor/totp.ts reads spaces in it). */
export const twoFactorCodeFormSchema = z.object({ csrf, code: z.string().max(64).default("") });

/** Forms whose only field is their token: remove every app, sign out everywhere, sign out. */
export const tokenOnlyFormSchema = z.object({ csrf });

/** The client named in /account/apps/remove?client=…, before the confirmation. */
export const clientQuerySchema = z.string().min(1).max(255);

/** What the account page says after an action (/account?done=…). */
export const accountNoticeSchema = z.enum(["profile_saved", "password_changed", "password_changed_signed_out", "app_removed", "apps_removed", "two_factor_removed", "password_set"]);
export type AccountNotice = z.output<typeof accountNoticeSchema>;

/** Why the password page is shown again (/account/password?error=…). */
export const passwordErrorSchema = z.enum(["wrong_password", "too_short", "too_common", "mismatch"]);

export type ProfileForm = z.output<typeof profileFormSchema>;
export type PasswordForm = z.output<typeof passwordFormSchema>;
export type SetPasswordForm = z.output<typeof setPasswordFormSchema>;

/** Where the account page sends the browser back to after a fresh sign-in: one of its own paths (with a query), else its home. */
export const accountPathSchema = z
  .string()
  .regex(/^\/account(\/[\w\-/]*)?(\?[\w\-.~%=&+]*)?$/)
  .catch("/account");
