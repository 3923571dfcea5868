import "server-only";
import { notFound } from "next/navigation";
import type { z } from "zod";

/** A missing, repeated or malformed query parameter ends in the friendly 404 page, never in Hydra. */
export function parseQuery<S extends z.ZodType>(schema: S, params: Record<string, string | string[] | undefined>): z.infer<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) notFound();
  return parsed.data;
}
