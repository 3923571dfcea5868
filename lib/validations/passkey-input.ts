import { z } from "zod";
import { challengeSchema } from "./flow-input";

// As in flow-input.ts and account-input.ts: a missing token is a forged post (403), not a malformed one.
const csrf = z.string().max(200).default("");
const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined && value !== "");

/**
 * The credential as the browser's PublicKeyCredential.toJSON() gives it
 * (WebAuthn Level 3 §5.1.8, §5.1.9). The form carries it as text; it is read
 * by the passkey step, so a malformed one is explained on the page it came
 * from rather than refused as a broken request.
 */
const credentialText = z.string().max(12_000).default("");

/** POST /login/passkey: the login form's own fields, with the passkey's answer. */
export const passkeySignInFormSchema = z.object({
  challenge: challengeSchema,
  csrf,
  credential: credentialText,
  remember: checkbox,
});

/** A passkey's name, as the person gives it: trimmed, 1 to 60 characters. */
export const passkeyName = z.string().trim().min(1).max(60);

export const passkeyAddFormSchema = z.object({ csrf, name: z.string().max(200).default(""), credential: credentialText });
export const passkeyRenameFormSchema = z.object({ csrf, id: z.string().min(1).max(1024), name: z.string().max(200).default("") });
export const passkeyRemoveFormSchema = z.object({ csrf, id: z.string().min(1).max(1024) });
/** /account/passkeys/remove?id=… before the confirmation. */
export const passkeyIdQuerySchema = z.string().min(1).max(1024);

/** What the passkeys page says after an action (/account/passkeys?done=…). */
export const passkeyNoticeSchema = z.enum(["added", "renamed", "removed"]);
export type PasskeyNotice = z.output<typeof passkeyNoticeSchema>;

const base64url = z.string().max(8192).regex(/^[A-Za-z0-9_-]*$/);
const extensions = z.record(z.string(), z.unknown()).default({});
const attachment = z.enum(["platform", "cross-platform"]).optional().catch(undefined);

/** What every PublicKeyCredential.toJSON() has (WebAuthn Level 3 §5.1). */
const credential = {
  id: base64url.min(1).max(1024),
  rawId: base64url.min(1).max(1024),
  type: z.literal("public-key"),
  clientExtensionResults: extensions,
  authenticatorAttachment: attachment,
};

export const authenticationResponseSchema = z.object({
  ...credential,
  response: z.object({
    clientDataJSON: base64url.min(1),
    authenticatorData: base64url.min(1),
    signature: base64url.min(1),
    userHandle: base64url
      .nullish()
      .transform((value) => value ?? undefined),
  }),
});

export const registrationResponseSchema = z.object({
  ...credential,
  response: z.object({
    clientDataJSON: base64url.min(1),
    attestationObject: base64url.min(1),
    authenticatorData: base64url.optional(),
    transports: z.array(z.enum(["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"])).max(10).optional().catch(undefined),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: base64url.optional(),
  }),
});

/** The credential posted as text, parsed: undefined when it is not JSON or not the shape asked for. */
export function parseCredential<T>(schema: z.ZodType<T>, text: string): T | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

export type PasskeySignInForm = z.output<typeof passkeySignInFormSchema>;
