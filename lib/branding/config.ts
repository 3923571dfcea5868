import { z } from "zod";
import { type ReadFile, configDocumentError, readConfigDocument, readTextFile } from "@/lib/config-document";

// Only values that cannot break out of a CSS declaration: they are written into a <style> element.
const color = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, "must be a hex colour like #1f5fd1");
const fontStack = z
  .string()
  .max(300)
  .regex(/^[\w\s,"'.-]+$/, "may only hold font names, quotes, commas and hyphens");
// https: or a path on this app (public/): the CSP allows images from 'self' and https: only.
const imageUrl = z
  .string()
  .max(2000)
  .refine((value) => /^https:\/\/[^\s"'<>]+$/.test(value) || /^\/(?!\/)[^\s"'<>\\]*$/.test(value), "must be an https:// URL or a path starting with /");
const linkUrl = z.string().max(2000).refine((value) => /^https?:\/\/[^\s"'<>]+$/.test(value) || /^mailto:[^\s"'<>]+$/.test(value), "must be an http(s):// or mailto: URL");

const palette = z
  .object({
    background: color,
    surface: color,
    text: color,
    muted: color,
    border: color,
    accent: color,
    accentText: color,
    dangerBackground: color,
    dangerText: color,
    focus: color,
  })
  .partial()
  .strict();

export const brandingSchema = z
  .object({
    productName: z.string().min(1).max(80).optional(),
    logo: z.object({ light: imageUrl, dark: imageUrl.optional(), width: z.number().int().min(16).max(400).default(40), height: z.number().int().min(16).max(200).default(40) }).strict().optional(),
    colors: z.object({ light: palette.default({}), dark: palette.default({}) }).strict().partial().optional(),
    font: fontStack.optional(),
    links: z.object({ support: linkUrl, privacy: linkUrl, terms: linkUrl }).partial().strict().optional(),
    /** A CSS file read once at start and served inline with the page's CSP nonce. */
    customCssFile: z.string().min(1).optional(),
  })
  .strict();

export type Palette = z.infer<typeof palette>;

export type Branding = {
  productName?: string;
  logo?: { light: string; dark?: string; width: number; height: number };
  colors: { light: Palette; dark: Palette };
  font?: string;
  links: { support?: string; privacy?: string; terms?: string };
  customCss?: string;
};

const noBranding: Branding = { colors: { light: {}, dark: {} }, links: {} };

/** BRANDING (JSON) or BRANDING_FILE (path to JSON). A broken one stops start-up with a message naming the key. */
export function parseBranding(env: Record<string, string | undefined>, readFile: ReadFile = readTextFile): Branding {
  const document = readConfigDocument(env, "BRANDING", brandingSchema, readFile);
  if (!document) return noBranding;
  const { data: b, source } = document;
  let customCss: string | undefined;
  if (b.customCssFile) {
    try {
      customCss = readFile(b.customCssFile);
    } catch (error) {
      throw configDocumentError(source, `customCssFile: cannot be read (${(error as Error).message})`);
    }
    // The CSS is served inside a <style> element: it must not be able to close it.
    if (/<\/style/i.test(customCss)) throw configDocumentError(source, "customCssFile: must not contain </style");
  }
  return {
    productName: b.productName,
    logo: b.logo,
    colors: { light: b.colors?.light ?? {}, dark: b.colors?.dark ?? {} },
    font: b.font,
    links: b.links ?? {},
    customCss,
  };
}

const variableOf: Record<keyof Palette, string> = {
  background: "--bg",
  surface: "--card",
  text: "--text",
  muted: "--muted",
  border: "--border",
  accent: "--accent",
  accentText: "--accent-text",
  dangerBackground: "--danger-bg",
  dangerText: "--danger-text",
  focus: "--focus",
};

function declarations(palette: Palette, extra: string[] = []): string {
  const lines = Object.entries(palette).map(([key, value]) => `${variableOf[key as keyof Palette]}:${value}`);
  return [...lines, ...extra].join(";");
}

/**
 * The theme as CSS variables, rendered into the page itself so the first paint
 * already has the deployment's colours (no flash of the default theme).
 */
export function brandingCss(branding: Branding): string {
  const parts: string[] = [];
  const light = declarations(branding.colors.light, branding.font ? [`--font:${branding.font}`] : []);
  if (light) parts.push(`:root{${light}}`);
  const dark = declarations(branding.colors.dark);
  if (dark) parts.push(`@media (prefers-color-scheme: dark){:root{${dark}}}`);
  if (branding.customCss) parts.push(branding.customCss);
  return parts.join("\n");
}

let cached: Branding | undefined;

export function branding(): Branding {
  cached ??= parseBranding(process.env);
  return cached;
}
