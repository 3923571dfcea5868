import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { config } from "@/lib/config";
import { type HydraOutcome, outcomeOfHydraFailure } from "@/lib/flows/problems";
import { HydraError, getConsentRequest, getLoginRequest, getLogoutRequest } from "@/lib/hydra";
import { type CsrfPurpose, isCrossSitePost } from "@/lib/security/csrf";
import type { FlowSession } from "@/lib/security/flow-session";
import {
  challengeSchema,
  consentFormSchema,
  formFields,
  loginFormSchema,
  logoutFormSchema,
} from "@/lib/validations/flow-input";
import { formTokenIsValid } from "./context";
import { answerConsentWithoutPage, answerLoginWithoutPage, answerLogoutWithoutPage } from "./automatic-answers";
import { signInRetryAfter } from "./sign-in-throttle";

const maxBodyBytes = 16 * 1024;

export type GateResult = HydraOutcome | { formTargets: string[] };

/** A page's challenge settled before rendering: Hydra's redirect when no page is needed, else where its forms may lead. */
type FlowPage = { param: string; settle: (challenge: string) => Promise<GateResult> };

const flowPages: Record<string, FlowPage> = {
  "/login": {
    param: "login_challenge",
    settle: async (challenge) => {
      const request = await getLoginRequest(challenge);
      return settled(await answerLoginWithoutPage(request), request.client.redirectUris);
    },
  },
  "/consent": {
    param: "consent_challenge",
    settle: async (challenge) => {
      const request = await getConsentRequest(challenge);
      return settled(await answerConsentWithoutPage(request), request.client.redirectUris);
    },
  },
  "/logout": {
    param: "logout_challenge",
    settle: async (challenge) => {
      const request = await getLogoutRequest(challenge);
      return settled(await answerLogoutWithoutPage(request), [
        config().logoutRejectUrl,
        ...(request.client?.postLogoutRedirectUris ?? []),
      ]);
    },
  },
};

/** Forms post to us, then Hydra redirects to the client: both must be allowed form targets. */
function settled(redirectTo: string | undefined, clientTargets: string[]): GateResult {
  return redirectTo ? { redirectTo } : { formTargets: [config().hydra.publicUrl, ...clientTargets] };
}

const flowForms = {
  "/login/submit": { schema: loginFormSchema, purpose: "login" },
  "/consent/submit": { schema: consentFormSchema, purpose: "consent" },
  "/logout/submit": { schema: logoutFormSchema, purpose: "logout" },
} as const satisfies Record<string, { schema: unknown; purpose: CsrfPurpose }>;

/**
 * Checks a flow request before anything renders, so every refusal gets its
 * real status and a page that needs no JavaScript: a page's challenge must be
 * well-formed and known to Hydra; a form must be same-origin, small, valid,
 * and carry the CSRF token of this browser and this challenge. Steps that need
 * no page (remembered login or consent, trusted clients) are answered here too.
 */
export async function gateFlowRequest(request: NextRequest, session: FlowSession | undefined): Promise<GateResult | undefined> {
  const path = request.nextUrl.pathname;
  if (path in flowForms) {
    if (request.method !== "POST") return { problem: "method_not_allowed" };
    return gateForm(request, flowForms[path as keyof typeof flowForms], session);
  }
  // Pages only read. A POST to a page would reach Next.js's server-action handling, which we do not use.
  if (request.method !== "GET" && request.method !== "HEAD") return { problem: "method_not_allowed" };
  const page = flowPages[path];
  return page ? gatePage(request, page) : undefined;
}

async function gatePage(request: NextRequest, page: FlowPage): Promise<GateResult> {
  const values = request.nextUrl.searchParams.getAll(page.param);
  const challenge = challengeSchema.safeParse(values.length === 1 ? values[0] : undefined);
  if (!challenge.success) return { problem: "invalid_request" };
  try {
    return await page.settle(challenge.data);
  } catch (error) {
    if (error instanceof HydraError) return outcomeOfHydraFailure(error.failure);
    throw error;
  }
}

async function gateForm(
  request: NextRequest,
  form: (typeof flowForms)[keyof typeof flowForms],
  session: FlowSession | undefined,
): Promise<HydraOutcome | undefined> {
  if (isCrossSitePost(request.headers, new URL(config().appUrl).origin)) return { problem: "forbidden" };
  if (Number(request.headers.get("content-length") ?? "0") > maxBodyBytes) return { problem: "too_large" };
  const type = request.headers.get("content-type") ?? "";
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) return { problem: "unsupported_media" };
  const data = await readSmallBody(request.clone());
  if (data === "too_large") return { problem: "too_large" };
  const parsed = form.schema.safeParse(data ? formFields(data) : undefined);
  if (!parsed.success) return { problem: "invalid_request" };
  if (!formTokenIsValid(session, form.purpose, parsed.data.challenge, parsed.data.csrf)) return { problem: "forbidden" };
  const signIn = form.purpose === "login" ? (parsed.data as z.output<typeof loginFormSchema>) : undefined;
  if (signIn?.action === "accept") {
    const retryAfter = await signInRetryAfter(signIn.email, request.headers);
    if (retryAfter > 0) return { problem: "too_many", retryAfter };
  }
  return undefined;
}

/** A chunked body has no Content-Length: count while reading. */
async function readSmallBody(request: Request): Promise<FormData | undefined | "too_large"> {
  const text = await request.text().catch(() => undefined);
  if (text === undefined) return undefined;
  if (Buffer.byteLength(text) > maxBodyBytes) return "too_large";
  const type = request.headers.get("content-type") ?? "";
  return new Response(text, { headers: { "content-type": type } }).formData().catch(() => undefined);
}
