import { config } from "@/lib/config";
import { resolveHydraRedirect } from "@/lib/security/redirects";
import { callOptions } from "./client";
import { HydraError, classifyHydraError } from "./errors";

/**
 * Runs one admin call and classifies its failure. Lookups read the raw JSON
 * (the `…Raw` SDK calls): zod checks the fields we rely on, so the SDK's own
 * conversion of every field would only be done twice.
 */
export async function call<T>(run: (options: RequestInit) => Promise<T>): Promise<T> {
  try {
    return await run(callOptions());
  } catch (error) {
    const classified = await classifyHydraError(error);
    const { failure } = classified;
    if (failure.kind !== "handled") throw classified;
    // Even Hydra's 410 redirect is followed only to Hydra itself.
    const redirectTo = resolveHydraRedirect(failure.redirectTo, config().hydra.publicUrl);
    throw new HydraError(redirectTo ? { kind: "handled", redirectTo } : { kind: "unavailable" });
  }
}

/** Hydra's answer checked against the fields we rely on; anything else is Hydra misbehaving, not the user's problem. */
export function parsed<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw new HydraError({ kind: "unavailable" });
  return result.data;
}
