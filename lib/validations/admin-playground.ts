import { z } from "zod";
import { maxTokenLength } from "./admin-tokens";

const csrf = z.string().max(200).default("");

/** The start form: which client, what scopes, and a confidential client's secret (never shown again). */
export const playgroundStartFormSchema = z.object({
  csrf,
  client: z.string().trim().max(255).default(""),
  scope: z.string().max(2000).default(""),
  client_secret: z.string().max(1000).default(""),
});
export type PlaygroundStartForm = z.output<typeof playgroundStartFormSchema>;

const token = z.string().trim().max(maxTokenLength);
export const playgroundTokenKinds = ["access_token", "refresh_token"] as const;
export type PlaygroundTokenKind = (typeof playgroundTokenKinds)[number];

/**
 * The tokens of a finished flow, carried in the hidden fields of the forms
 * that act on them (never in a URL), and which one to act on.
 */
export const playgroundTokensFormSchema = z.object({
  csrf,
  client_id: z.string().trim().min(1).max(255),
  access_token: token.min(1),
  refresh_token: token.default(""),
  id_token: token.default(""),
  expires_at: z.coerce.number().int().nonnegative().max(1e11).catch(0),
  scope: z.string().max(2000).default(""),
  token: z.enum(playgroundTokenKinds).default("access_token"),
});
export type PlaygroundTokensForm = z.output<typeof playgroundTokensFormSchema>;

const one = (max: number) => z.string().max(max).optional().catch(undefined);

/** Hydra's redirect back: a code and the state, or its error; anything malformed or repeated counts as absent. */
export const playgroundCallbackQuerySchema = z.object({
  code: one(2048),
  state: one(512),
  error: one(200),
  error_description: one(1000),
});
