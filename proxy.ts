import { type NextRequest, NextResponse } from "next/server";
import { config as appConfig } from "@/lib/config";
import {
  flowCookieName,
  flowCookieOptions,
  newFlowSession,
  sealFlowSession,
  unsealFlowSession,
} from "@/lib/security/flow-session";
import { newNonce, securityHeaders } from "@/lib/security/headers";

/**
 * Runs before every page: a fresh CSP nonce, the security headers, and a flow
 * session cookie, created here because Server Components cannot set cookies
 * and every form needs a session to bind its CSRF token to.
 */
export async function proxy(request: NextRequest) {
  const { appUrl, hydra } = appConfig();
  const nonce = newNonce();
  const headers = securityHeaders({ nonce, https: appUrl.startsWith("https://"), hydraPublicUrl: hydra.publicUrl });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"] as string);

  const cookieName = flowCookieName();
  const existing = await unsealFlowSession(request.cookies.get(cookieName)?.value);
  let sealed: string | undefined;
  if (!existing) {
    sealed = await sealFlowSession(newFlowSession());
    request.cookies.set(cookieName, sealed);
    requestHeaders.set("cookie", request.cookies.toString());
  }

  const response = NextResponse.next({ request: { headers: requestHeaders } });
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
