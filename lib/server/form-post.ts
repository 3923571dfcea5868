import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { formFields } from "@/lib/validations/flow-input";

/**
 * The fields of a flow form. proxy.ts has already refused cross-site, oversized,
 * malformed and token-less posts (lib/server/flow-gate.ts); this only parses.
 */
export async function readFlowForm<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S> | undefined> {
  const form = await request.formData().catch(() => undefined);
  return form && schema.safeParse(formFields(form)).data;
}

/** After a POST the browser must GET the next URL: 303, never 307, which would re-send the password. */
export function seeOther(url: string): NextResponse {
  return NextResponse.redirect(url, 303);
}

export function badRequest(): Response {
  return new Response("Bad request", { status: 400, headers: { "content-type": "text/plain" } });
}
