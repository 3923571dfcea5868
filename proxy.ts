import { type NextRequest, NextResponse } from "next/server";
import { config as appConfig } from "@/lib/config";
import { problemPage, problems } from "@/lib/flows/problems";
import {
  flowCookieName,
  flowCookieOptions,
  newFlowSession,
  sealFlowSession,
  unsealFlowSession,
} from "@/lib/security/flow-session";
import { formActionSources, newNonce, securityHeaders } from "@/lib/security/headers";
import { gateFlowRequest } from "@/lib/server/flow-gate";

/**
 * Runs before every page and form post: a fresh CSP nonce and the security
 * headers; a flow session cookie (Server Components cannot set cookies, and
 * every form binds its CSRF token to it); and the flow gate, whose refusals are
 * rendered here as the problem page with their real status.
 */
export async function proxy(request: NextRequest) {
  const https = appConfig().appUrl.startsWith("https://");
  const cookieName = flowCookieName();
  let session = await unsealFlowSession(request.cookies.get(cookieName)?.value);
  let sealed: string | undefined;
  if (!session) {
    session = newFlowSession();
    sealed = await sealFlowSession(session);
    request.cookies.set(cookieName, sealed);
  }

  const outcome = await gateFlowRequest(request, sealed ? undefined : session);
  const nonce = newNonce();
  const formTargets = outcome && "formTargets" in outcome ? formActionSources(outcome.formTargets) : [];
  const headers = securityHeaders({ nonce, https, formTargets });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"] as string);
  if (sealed) requestHeaders.set("cookie", request.cookies.toString());

  let response: NextResponse;
  if (outcome && "redirectTo" in outcome) {
    response = NextResponse.redirect(outcome.redirectTo, 303);
  } else if (outcome && "problem" in outcome) {
    const problemUrl = new URL(`/problem/${problemPage(outcome.problem)}`, request.url);
    response = NextResponse.rewrite(problemUrl, { request: { headers: requestHeaders }, status: problems[outcome.problem] });
    if (outcome.retryAfter) response.headers.set("Retry-After", String(outcome.retryAfter));
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }

  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  response.headers.set("Cache-Control", "no-store");
  if (sealed) response.cookies.set(cookieName, sealed, flowCookieOptions());
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|health).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
