import { readFileSync } from "node:fs";
import { z } from "zod";
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

export class ScopeCatalogueError extends Error {
  override name = "ScopeCatalogueError";
}

/** SCOPE_CATALOGUE (JSON) or SCOPE_CATALOGUE_FILE (path to JSON); a bad one names the offending key. */
export function parseScopeCatalogue(env: Record<string, string | undefined>): ScopeCatalogue {
  const inline = env.SCOPE_CATALOGUE;
  const file = env.SCOPE_CATALOGUE_FILE;
  if (!inline && !file) return defaultScopeCatalogue;
  const source = inline ? "SCOPE_CATALOGUE" : `SCOPE_CATALOGUE_FILE (${file})`;
  let raw: unknown;
  try {
    raw = JSON.parse(inline ?? readFileSync(file as string, "utf8"));
  } catch (error) {
    throw new ScopeCatalogueError(`Invalid configuration:\n  ${source}: cannot be read as JSON (${(error as Error).message})`);
  }
  const result = scopeCatalogueSchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${source}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new ScopeCatalogueError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data.scopes;
}

let cached: ScopeCatalogue | undefined;

export function scopeCatalogue(): ScopeCatalogue {
  cached ??= parseScopeCatalogue(process.env);
  return cached;
}
