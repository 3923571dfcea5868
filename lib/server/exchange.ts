import type { NextApiRequest, NextApiResponse } from "next";
import { branding } from "@/lib/branding/config";
import { config } from "@/lib/config";
import { type Problem, problemPage, problems } from "@/lib/flows/problems";
import { type Locale, chooseLocale } from "@/lib/i18n/locales";
import { languageLinksPath, localeCookieName } from "@/lib/i18n/switch";
import { shuttingDown } from "@/lib/observability/shutdown";
import { type StepTrace, finishStep } from "@/lib/observability/step-trace";
import { type PageChrome, pageChrome } from "@/lib/page-chrome";
import { type FlowSession, flowCookieName, flowCookieOptions, formToken, newFlowSession, sealFlowSession, unsealFlowSession } from "@/lib/security/flow-session";
import { formActionSources, newNonce, securityHeaders } from "@/lib/security/headers";
import { clientAddress } from "@/lib/security/rate-limit";
import { pageAssets } from "./page-assets";
import type { DocumentAssets, Html, PageAnswer, PageRequest } from "./answers";

export const isRead = (method: string | undefined) => method === "GET" || method === "HEAD";

/** One request and its response: the flow cookie, the language, the security headers, and the answer. */
export class Exchange<V> {
  private session: FlowSession | undefined;
  /** The sealed cookie of a new or changed session, sealing while the request goes on. */
  private sealing: Promise<string> | undefined;
  readonly headers: Headers;

  private constructor(
    private readonly request: NextApiRequest,
    private readonly response: NextApiResponse,
    private readonly html: Html<V>,
    private readonly trace: StepTrace,
    readonly existingSession: FlowSession | undefined,
  ) {
    this.session = existingSession;
    this.headers = requestHeaders(request);
  }

  static async open<V>(request: NextApiRequest, response: NextApiResponse, html: Html<V>, trace: StepTrace): Promise<Exchange<V>> {
    return new Exchange(request, response, html, trace, await unsealFlowSession(request.cookies[flowCookieName()]));
  }

  pageRequest(): PageRequest {
    return {
      query: this.request.query,
      existingSession: this.existingSession,
      chooseLocale: (uiLocales = []) => this.chooseLocale(uiLocales),
      formToken: (purpose, challenge) => formToken(this.currentSession(), purpose, challenge),
    };
  }

  keepSession(session: FlowSession): void {
    this.session = session;
    this.sealing = sealFlowSession(session);
    // Sealing runs on the thread pool; a failure shows when the cookie is written.
    this.sealing.catch(() => undefined);
  }

  /**
   * A browser without a flow session gets one now, sealed while its step asks
   * Hydra: nearly every flow page shows a form, whose token needs the session.
   */
  startSessionIfNew(): void {
    if (!this.session) this.keepSession(newFlowSession());
  }

  clientAddress(): string {
    return clientAddress(this.headers.get("x-forwarded-for") ?? this.request.socket.remoteAddress ?? null, config().trustProxyHops);
  }

  /** Writes the answer, then logs and counts its step once (lib/observability/step-trace.ts). */
  async respond(answer: PageAnswer<V>): Promise<void> {
    await this.writeSessionCookie();
    // While the process stops, the socket closes after this answer instead of idling until the server gives up on it.
    if (shuttingDown()) this.response.setHeader("Connection", "close");
    this.write(answer);
    finishStep(this.trace, answer.kind === "problem" ? answer.problem : answer.kind, this.response.statusCode);
  }

  private write(answer: PageAnswer<V>): void {
    if (answer.kind === "redirect") {
      this.writeSecurityHeaders(newNonce(), [], false);
      this.response.statusCode = 303;
      this.response.setHeader("Location", answer.to);
      this.response.end();
      return;
    }
    if (answer.kind === "problem") return this.respondProblem(answer);
    const nonce = newNonce();
    const passkeyScript = answer.passkeyScript ?? false;
    this.writeSecurityHeaders(nonce, answer.formTargets ?? [], passkeyScript);
    if (answer.retryAfter) this.response.setHeader("Retry-After", String(answer.retryAfter));
    // A page answering a post that names no page to return to has no language links: the post cannot be opened again.
    const named = answer.languageLinks !== undefined || isRead(this.request.method) ? answer.languageLinks : null;
    const chrome = this.chrome(answer.locale, languageLinksPath(this.request.url ?? "/", named));
    this.send(answer.status ?? 200, this.html.page(this.assets(chrome, nonce, passkeyScript), answer.view));
  }

  /** A problem with its status, in the request's language. */
  private respondProblem(answer: Problem): void {
    if (answer.retryAfter) this.response.setHeader("Retry-After", String(answer.retryAfter));
    const nonce = newNonce();
    this.writeSecurityHeaders(nonce, [], false);
    const page = problemPage(answer.problem);
    const read = isRead(this.request.method);
    // A refused post, or a path that is no page, has nothing to return to: the switcher leads to the problem's own page.
    const here = read && page !== "page_not_found" ? languageLinksPath(this.request.url ?? "/") : `/problem/${page}`;
    const chrome = this.chrome(this.chooseLocale([]), here);
    this.send(problems[answer.problem], this.html.problem(this.assets(chrome, nonce), page, read));
  }

  private assets(chrome: PageChrome, nonce: string, passkeyScript = false): DocumentAssets {
    const { stylesheet, themeCss, passkeyScript: script } = pageAssets();
    return { chrome, nonce, stylesheet, themeCss, ...(passkeyScript ? { script } : {}) };
  }

  private send(status: number, body: string): void {
    this.response.statusCode = status;
    this.response.setHeader("Content-Type", "text/html; charset=utf-8");
    this.response.end(body);
  }

  private currentSession(): FlowSession {
    if (!this.session) this.keepSession(newFlowSession());
    return this.session as FlowSession;
  }

  private chooseLocale(uiLocales: readonly string[]): Locale {
    return chooseLocale({
      query: this.request.query.lang,
      uiLocales,
      cookie: this.request.cookies[localeCookieName],
      acceptLanguage: this.headers.get("accept-language") ?? undefined,
    });
  }

  private chrome(locale: Locale, pathAndQuery: string | null): PageChrome {
    return pageChrome({ locale, pathAndQuery, branding: branding() });
  }

  private async writeSessionCookie(): Promise<void> {
    if (!this.sealing) return;
    const options = flowCookieOptions();
    const sealed = await this.sealing;
    const attributes = [`Path=${options.path}`, `Max-Age=${options.maxAge}`, "HttpOnly", "SameSite=Lax", ...(options.secure ? ["Secure"] : [])];
    this.response.appendHeader("Set-Cookie", `${flowCookieName()}=${sealed}; ${attributes.join("; ")}`);
  }

  private writeSecurityHeaders(nonce: string, formTargets: readonly string[], passkeyScript: boolean): void {
    const https = config().appUrl.startsWith("https://");
    const headers = securityHeaders({ nonce, https, formTargets: formActionSources(formTargets), passkeyScript });
    for (const [name, value] of Object.entries(headers)) this.response.setHeader(name, value);
    this.response.setHeader("Cache-Control", "no-store");
  }
}

function requestHeaders(request: NextApiRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}
