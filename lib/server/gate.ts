import type { z } from "zod";
import { type Problem, problem } from "@/lib/flows/problems";
import { type CsrfPurpose, isCrossSitePost } from "@/lib/security/csrf";
import { type FlowSession, formTokenIsValid } from "@/lib/security/flow-session";
import { formFields } from "@/lib/validations/flow-input";

export const maxFormBytes = 16 * 1024;

/** A form: its fields' schema, the purpose its CSRF token was made for, and which posts are throttled. */
export type FormSpec<F extends { csrf: string }> = {
  schema: z.ZodType<F>;
  purpose: CsrfPurpose;
  /** The account a post tries to sign in to, when it is a sign-in attempt: those are throttled. */
  signInEmail?: (form: F) => string | undefined;
  /**
   * File inputs (multipart posts) whose content stands in for a text field of the
   * same name, e.g. a key uploaded instead of pasted. The body limit holds for the
   * whole post; a file that is not one part (several, or a plain value) is refused.
   */
  textFiles?: readonly string[];
};

export type FormPost = {
  method: string;
  headers: Headers;
  /** The body, read lazily and only after the headers passed. */
  body: () => AsyncIterable<Uint8Array | string>;
};

export type GateDependencies<F> = {
  appOrigin: string;
  session: FlowSession | undefined;
  /** What the form's token is bound to besides the browser: a flow form's challenge, the account forms' subject. */
  binding: (form: F) => string;
  /** Seconds until this account may try again from this address (0: now). */
  signInRetryAfter: (email: string) => Promise<number>;
};

export type GateResult<F> = { kind: "pass"; form: F; session: FlowSession } | Problem;

/**
 * Checks a form post before any flow logic runs, cheapest first: method,
 * where it comes from, size, media type, shape, then the CSRF token of this
 * browser and this challenge, and last the sign-in throttle. The first
 * failing check is the answer; a post that passes is parsed exactly once.
 */
export async function checkFormPost<F extends { csrf: string }>(
  post: FormPost,
  spec: FormSpec<F>,
  deps: GateDependencies<F>,
): Promise<GateResult<F>> {
  if (post.method !== "POST") return problem("method_not_allowed");
  const refused = refuseByHeaders(post.headers, deps.appOrigin);
  if (refused) return refused;
  const body = await readLimited(post.body());
  if (body === "too_large") return problem("too_large");
  const fields = body === undefined ? undefined : await parseFormBody(body, post.headers.get("content-type") ?? "");
  const parsed = spec.schema.safeParse(fields === undefined ? undefined : await withTextFiles(fields, spec.textFiles ?? []));
  if (!parsed.success) return problem("invalid_request");
  const form = parsed.data;
  const session = deps.session;
  if (!session || !formTokenIsValid(session, spec.purpose, deps.binding(form), form.csrf)) return problem("forbidden");
  const email = spec.signInEmail?.(form);
  if (email !== undefined) {
    const retryAfter = await deps.signInRetryAfter(email);
    if (retryAfter > 0) return problem("too_many", retryAfter);
  }
  return { kind: "pass", form, session };
}

/** What the headers alone refuse: a cross-site post, a declared size over the limit, or a body no browser form sends. */
export function refuseByHeaders(headers: Headers, appOrigin: string): Problem | undefined {
  if (isCrossSitePost(headers, appOrigin)) return problem("forbidden");
  if (Number(headers.get("content-length") ?? "0") > maxFormBytes) return problem("too_large");
  const type = headers.get("content-type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) return problem("unsupported_media");
  return undefined;
}

/** A chunked body has no Content-Length: count while reading, and stop at the limit. */
export async function readLimited(chunks: AsyncIterable<Uint8Array | string>): Promise<Buffer | undefined | "too_large"> {
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of chunks) {
      const part = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk);
      size += part.byteLength;
      if (size > maxFormBytes) return "too_large";
      parts.push(part);
    }
  } catch {
    return undefined;
  }
  return Buffer.concat(parts);
}

/** The form's text fields, plus each named file as text (an empty file, as a browser sends when none was chosen, is ""). */
async function withTextFiles(form: FormData, names: readonly string[]): Promise<Record<string, unknown>> {
  const fields = formFields(form);
  for (const name of names) {
    const parts = form.getAll(name);
    if (parts.length === 0) continue;
    const [part] = parts;
    // null fails every schema, like a repeated text field.
    fields[name] = parts.length === 1 && typeof part !== "string" && part !== undefined ? await part.text() : null;
  }
  return fields;
}

async function parseFormBody(body: Buffer, contentType: string): Promise<FormData | undefined> {
  return new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData().catch(() => undefined);
}
