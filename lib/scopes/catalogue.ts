import { z } from "zod";
import { readConfigDocument } from "@/lib/config-document";
import { locales } from "@/lib/i18n/locales";

/** Text in several languages; English is required so every language has something to fall back to. */
const localizedText = z
  .object(Object.fromEntries(locales.map((l) => [l, z.string().min(1).max(500).optional()])) as Record<
    (typeof locales)[number],
    z.ZodOptional<z.ZodString>
  >)
  .strict()
  .refine((text) => Boolean(text.en), { message: "needs at least an English text (en)" });

export type LocalizedText = z.infer<typeof localizedText>;

const scopeRule = z
  .object({
    title: localizedText.optional(),
    description: localizedText.optional(),
    /** Shown ticked and locked; granted even if the form leaves it out. */
    required: z.boolean().default(false),
    /** Granted whenever requested, never shown. */
    hidden: z.boolean().default(false),
    /** Highlighted on the consent page. */
    sensitive: z.boolean().default(false),
  })
  .strict()
  .refine((rule) => !(rule.hidden && rule.sensitive), { message: "a sensitive scope cannot be hidden" });

export type ScopeRule = z.infer<typeof scopeRule>;

// Scope names as RFC 6749 §3.3 allows them, and short enough to be an element id.
const scopeName = z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,128}$/, "is not a valid scope name");

export const scopeCatalogueSchema = z.object({ scopes: z.record(scopeName, scopeRule) }).strict();

export type ScopeCatalogue = Record<string, ScopeRule>;

/**
 * The default keeps the reference DOM contract: every scope is shown with its
 * own checkbox and may be unticked, openid included (Hydra's own tests untick
 * them). Texts of the standard scopes come from messages/; required and hidden
 * are opt-in per deployment.
 */
export const defaultScopeCatalogue: ScopeCatalogue = {};

/** SCOPE_CATALOGUE (JSON) or SCOPE_CATALOGUE_FILE (path to JSON); a bad one names the offending key. */
export function parseScopeCatalogue(env: Record<string, string | undefined>): ScopeCatalogue {
  return readConfigDocument(env, "SCOPE_CATALOGUE", scopeCatalogueSchema)?.data.scopes ?? defaultScopeCatalogue;
}

let cached: ScopeCatalogue | undefined;

export function scopeCatalogue(): ScopeCatalogue {
  cached ??= parseScopeCatalogue(process.env);
  return cached;
}
