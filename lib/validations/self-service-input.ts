import { z } from "zod";
import { locales } from "@/lib/i18n/locales";
import { challengeSchema } from "./flow-input";

const csrf = z.string().max(200).default("");
/** These pages work with or without a login flow to return to. */
const optionalChallenge = z.union([z.literal(""), challengeSchema]).default("");
/** The page's language, so the e-mail is written in it. */
const locale = z.enum(locales).optional().catch(undefined);
/** 32 random bytes, base64url. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
// A link's token as it arrives: anything short is looked at (and refused as unknown), so a cut link gets the same clear page.
const token = z.string().max(200);

export const registerFormSchema = z.object({
  csrf,
  challenge: optionalChallenge,
  locale,
  email: z.string().max(320).default(""),
  name: z.string().max(1000).default(""),
  password: z.string().max(1024).default(""),
});

export const forgotFormSchema = z.object({ csrf, challenge: optionalChallenge, locale, email: z.string().max(320).default("") });

export const verifyFormSchema = z.object({ csrf, challenge: optionalChallenge, locale, token: token.optional(), code: z.string().max(64).optional() });

export const resendFormSchema = z.object({ csrf, challenge: optionalChallenge, locale });

export const resetFormSchema = z.object({ csrf, challenge: optionalChallenge, locale, token, password: z.string().max(1024).default("") });

export const continueFormSchema = z.object({ csrf, challenge: challengeSchema });

/** What an e-mail field must look like to be sent to: one @, no spaces, a dot in the domain. */
export const emailAddressSchema = z.string().trim().max(254).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);

export type RegisterForm = z.output<typeof registerFormSchema>;
export type ForgotForm = z.output<typeof forgotFormSchema>;
export type VerifyForm = z.output<typeof verifyFormSchema>;
export type ResendForm = z.output<typeof resendFormSchema>;
export type ResetForm = z.output<typeof resetFormSchema>;
export type ContinueForm = z.output<typeof continueFormSchema>;
