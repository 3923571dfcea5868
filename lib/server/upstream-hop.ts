import type { NextApiRequest } from "next";
import { config } from "@/lib/config";
import { type Problem, type Redirect, outcomeOfHydraFailure, problem } from "@/lib/flows/problems";
import { HydraError } from "@/lib/hydra/errors";
import type { Locale } from "@/lib/i18n/locales";
import { log } from "@/lib/observability/log";
import type { FlowSession } from "@/lib/security/flow-session";
import { upstreamForMs } from "@/lib/upstream/flow-state";
import type { Html, PageAnswer } from "./answers";
import { Exchange, isRead } from "./exchange";
import { readLimited, refuseByHeaders } from "./gate";
import { type Handler, traced } from "./serve";

/**
 * The login challenge travels to the callback in a cookie of its own: it is
 * 1–2 KB, too big to seal into the flow cookie beside the rest. Only its
 * hash, sealed in the flow cookie, makes it trusted (lib/upstream/flow-state.ts).
 */
export function upstreamChallengeCookieName(): string {
  return https() ? "__Secure-provider-upstream" : "provider-upstream";
}

function challengeCookie(value: string | null): string {
  const attributes = ["Path=/login/upstream", `Max-Age=${value === null ? 0 : upstreamForMs / 1000}`, "HttpOnly", "SameSite=Lax", ...(https() ? ["Secure"] : [])];
  return `${upstreamChallengeCookieName()}=${value ?? ""}; ${attributes.join("; ")}`;
}

export type HopInput = {
  query: URLSearchParams;
  session: FlowSession | undefined;
  /** The challenge cookie as sent; trusted only once its hash matches the sealed one. */
  challengeCookie: string | undefined;
  chooseLocale: () => Locale;
};

export type HopResult<V> = { answer: PageAnswer<V>; session?: FlowSession; challengeCookie?: string | null };

/**
 * A hop to or from an upstream provider: a GET whose answer may change the
 * flow cookie and the challenge cookie. With `formPost`, a POST (an upstream's
 * response_mode=form_post) is turned into the same GET: a cross-site POST
 * carries no SameSite=Lax cookie, the top-level GET it is redirected to does.
 */
export function serveUpstreamHop<V>(html: Html<V>, run: (input: HopInput) => Promise<HopResult<V>>, options: { formPost?: boolean } = {}): Handler {
  return traced("login_page", async (request, response, trace) => {
    const exchange = await Exchange.open(request, response, html, trace);
    if (options.formPost && request.method === "POST") return exchange.respond(await formPostAsGet(request, exchange.headers));
    if (!isRead(request.method)) return exchange.respond(problem("method_not_allowed"));
    const query = new URL(request.url ?? "/", "http://unused").searchParams;
    let result: HopResult<V>;
    try {
      result = await run({
        query,
        session: exchange.existingSession,
        challengeCookie: request.cookies[upstreamChallengeCookieName()],
        chooseLocale: () => exchange.pageRequest().chooseLocale(),
      });
    } catch (error) {
      if (error instanceof HydraError) result = { answer: outcomeOfHydraFailure(error.failure) };
      else {
        log().error({ err: error }, "unexpected failure while answering a request");
        result = { answer: problem("unavailable") };
      }
    }
    if (result.session) exchange.keepSession(result.session);
    if (result.challengeCookie !== undefined) response.appendHeader("Set-Cookie", challengeCookie(result.challengeCookie));
    await exchange.respond(result.answer);
  });
}

async function formPostAsGet(request: NextApiRequest, headers: Headers): Promise<Redirect | Problem> {
  // The upstream's own origin posts here: only the size and type are checked (the state check follows on the GET).
  const refused = refuseByHeaders(new Headers({ "content-type": headers.get("content-type") ?? "", "content-length": headers.get("content-length") ?? "0" }), new URL(config().appUrl).origin);
  if (refused) return refused;
  const body = await readLimited(request);
  if (body === undefined || body === "too_large") return problem(body === "too_large" ? "too_large" : "invalid_request");
  const fields = new URLSearchParams(body.toString("utf8"));
  const kept = new URLSearchParams();
  // "user": Sign in with Apple's name, posted once (lib/upstream/profile.ts withPostedName).
  for (const name of ["code", "state", "iss", "error", "error_description", "user"]) {
    const values = fields.getAll(name);
    if (values.length > 1) return problem("invalid_request");
    if (values[0] !== undefined) kept.set(name, values[0]);
  }
  const path = (request.url ?? "").split("?")[0]?.replace(/^\/api/, "") ?? "";
  return { kind: "redirect", to: `${config().appUrl}${path}?${kept}` };
}

function https(): boolean {
  return config().appUrl.startsWith("https://");
}
