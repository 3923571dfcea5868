import { z } from "zod";
import { type LifespanField, lifespanFields } from "@/lib/admin/lifespans";

const csrf = z.string().max(200).default("");
/** A client id as Hydra takes it in a path; the SDK encodes it. */
const clientId = z.string().trim().min(1).max(255);

/** ?id= of a client page: missing, repeated or malformed reads as no client (the page says there is none). */
export const clientIdQuerySchema = z.object({ id: clientId.optional().catch(undefined) });

/**
 * The JSON Patch form, for its preview and for applying it. The text is only
 * bounded here (the gate refuses bodies over 16 KiB anyway): whether it is a
 * patch is previewClientPatch's decision, which gives the reason in words.
 */
export const clientPatchFormSchema = z.object({ csrf, id: clientId, patch: z.string().max(16 * 1024).default("") });

const typed = z.string().max(20).optional();
const lifespanInputs = Object.fromEntries(lifespanFields.flatMap((field) => [[field, typed], [`${field}_unit`, typed]])) as Record<
  LifespanField | `${LifespanField}_unit`,
  typeof typed
>;

/** Each lifespan's number and unit as typed; lifespanForm checks them and says why, field by field. */
export const clientLifespansFormSchema = z.object({ csrf, id: clientId, ...lifespanInputs });

export type ClientPatchForm = z.output<typeof clientPatchFormSchema>;
export type ClientLifespansForm = z.output<typeof clientLifespansFormSchema>;
