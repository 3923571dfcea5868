import "server-only";
import { forbidden } from "next/navigation";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { config } from "@/lib/config";
import type { CsrfPurpose } from "@/lib/security/csrf";
import { isCrossSitePost } from "@/lib/security/csrf";
import { formFields } from "@/lib/validations/flow-input";
import { currentFlowSession, formTokenIsValid } from "./context";

const maxBodyBytes = 16 * 1024;

/**
 * Reads and checks a flow form: same-origin, small, well-formed, and carrying
 * the CSRF token of this browser and this challenge. Anything else gets the
 * 403 page and nothing reaches Hydra.
 */
export async function readFlowForm<S extends z.ZodType<{ challenge: string; csrf: string }>>(
  request: Request,
  schema: S,
  purpose: CsrfPurpose,
): Promise<z.infer<S>> {
  if (isCrossSitePost(request.headers, new URL(config().appUrl).origin)) forbidden();
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > maxBodyBytes) forbidden();
  const form = await request.formData().catch(() => undefined);
  if (!form) forbidden();
  const parsed = schema.safeParse(formFields(form));
  if (!parsed.success) forbidden();
  const data = parsed.data;
  if (!formTokenIsValid(await currentFlowSession(), purpose, data.challenge, data.csrf)) forbidden();
  return data;
}

/** After a POST the browser must GET the next URL: 303, never 307, which would re-send the password. */
export function seeOther(url: string): NextResponse {
  return NextResponse.redirect(url, 303);
}
