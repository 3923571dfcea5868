import { readFileSync } from "node:fs";
import type { z } from "zod";
import { ConfigError } from "@/lib/config";

export type ReadFile = (path: string) => string;

export const readTextFile: ReadFile = (path) => readFileSync(path, "utf8");

/**
 * A JSON document configured inline (`NAME`) or as a path (`NAME_FILE`), read
 * once at start and validated by its schema. Undefined when neither is set; a
 * broken one stops start-up with a message naming the variable and the key.
 */
export function readConfigDocument<S extends z.ZodType>(
  env: Record<string, string | undefined>,
  name: string,
  schema: S,
  readFile: ReadFile = readTextFile,
): { data: z.output<S>; source: string } | undefined {
  const inline = env[name];
  const file = env[`${name}_FILE`];
  if (!inline && !file) return undefined;
  const source = inline ? name : `${name}_FILE (${file})`;
  let raw: unknown;
  try {
    raw = JSON.parse(inline ?? readFile(file as string));
  } catch (error) {
    throw configDocumentError(source, `cannot be read as JSON (${(error as Error).message})`);
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${source}: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { data: result.data, source };
}

export function configDocumentError(source: string, message: string): ConfigError {
  return new ConfigError(`Invalid configuration:\n  ${source}: ${message}`);
}
