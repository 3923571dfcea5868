import type { NextApiRequest, NextApiResponse } from "next";
import { type ReactElement, createElement } from "react";
import { ProblemScreen } from "@/components/problem-view";
import { branding } from "@/lib/branding/config";
import { config } from "@/lib/config";
import { type Problem, type ProblemKind, type Redirect, outcomeOfHydraFailure, problem, problemPage, problems } from "@/lib/flows/problems";
import { HydraError } from "@/lib/hydra/errors";
import { type Locale, chooseLocale } from "@/lib/i18n/locales";
import { localeCookieName } from "@/lib/i18n/switch";
import { type PageChrome, pageChrome } from "@/lib/page-chrome";
import type { CsrfPurpose } from "@/lib/security/csrf";
import {
  type FlowSession,
  flowCookieName,
  flowCookieOptions,
  formToken,
  newFlowSession,
  sealFlowSession,
  unsealFlowSession,
} from "@/lib/security/flow-session";
import { formActionSources, newNonce, securityHeaders } from "@/lib/security/headers";
import { clientAddress } from "@/lib/security/rate-limit";
import { challengeSchema } from "@/lib/validations/flow-input";
import { type FormSpec, checkFormPost } from "./gate";
import { renderDocument } from "./render";
import { signInRetryAfter } from "./sign-in-throttle";
import type { Shown, StepStart, StepSubmit, SubmitContext } from "./steps/step";

/** A page's answer: a redirect, its view (in the language chosen for it), or a problem. */
export type PageAnswer<V> = Redirect | Problem | { kind: "show"; view: V; locale: Locale; formTargets?: readonly string[] };

/** Renders a page's view inside the chrome chosen for this request. */
export type RenderView<V> = (chrome: PageChrome, view: V) => ReactElement;

/** What a page handler may ask of the request. */
export type PageRequest = {
  query: NextApiRequest["query"];
  /**
   * The page's language from the switcher's ?lang=, the client's ui_locales,
   * the cookie and Accept-Language (lib/i18n/locales.ts). Chosen once: the
   * answer carries it to both the document's lang/dir and the page's text.
   */
  chooseLocale(uiLocales?: readonly string[]): Locale;
  /** A CSRF token for one of this page's forms, bound to this browser's flow session (made on first use). */
  formToken(purpose: CsrfPurpose, challenge: string): string;
  existingSession: FlowSession | undefined;
};

type Handler = (request: NextApiRequest, response: NextApiResponse) => Promise<void>;

/** A page that only reads (GET, HEAD). Every failure becomes a problem page with its status, never a stack trace. */
export function servePage<V>(handle: (page: PageRequest) => Promise<PageAnswer<V>>, render: RenderView<V>, options: { forms?: boolean } = {}): Handler {
  return async (request, response) => {
    const exchange = await Exchange.open(request, response);
    if (!isRead(request.method)) return exchange.respond(problem("method_not_allowed"));
    if (options.forms) exchange.startSessionIfNew();
    await exchange.respond(await settle(() => handle(exchange.pageRequest())), render);
  };
}

/** A handler that only ever answers one problem, whatever the method. */
export function serveProblem(kind: ProblemKind): Handler {
  return async (request, response) => (await Exchange.open(request, response)).respond(problem(kind));
}

/** A flow page: its challenge is checked and looked up once, by its step, and the page renders that one answer. */
export function serveFlowPage<S extends Shown, V>(options: {
  param: string;
  start: (challenge: string, session: FlowSession | undefined) => Promise<StepStart<S>>;
  view: (shown: S, page: PageRequest, locale: Locale) => V;
  render: RenderView<V>;
}): Handler {
  return servePage<V>(
    async (page) => {
      const values = page.query[options.param];
      const challenge = challengeSchema.safeParse(Array.isArray(values) ? undefined : values);
      if (!challenge.success) return problem("invalid_request");
      const started = await options.start(challenge.data, page.existingSession);
      if (started.kind === "redirect") return started;
      const locale = page.chooseLocale(started.uiLocales);
      return { kind: "show", view: options.view(started, page, locale), locale, formTargets: started.formTargets };
    },
    options.render,
    { forms: true },
  );
}

/**
 * A flow form: the gate checks the post (lib/server/gate.ts), the step
 * submits it, and the browser is sent on with a 303. A Hydra failure returns
 * the browser to the page, which explains it with its status (a reload
 * retries); Hydra's redirect for an already handled request is followed.
 */
export function serveFlowForm<F extends { challenge: string; csrf: string }>(options: {
  form: FormSpec<F>;
  submit: (form: F, context: SubmitContext) => Promise<StepSubmit>;
  pageUrl: (challenge: string) => string;
}): Handler {
  return async (request, response) => {
    const exchange = await Exchange.open(request, response);
    const address = exchange.clientAddress();
    const gate = await checkFormPost(
      { method: request.method ?? "", headers: exchange.headers, body: () => request },
      options.form,
      { appOrigin: new URL(config().appUrl).origin, session: exchange.existingSession, signInRetryAfter: (email) => signInRetryAfter(email, address) },
    );
    if (gate.kind === "problem") return exchange.respond(gate);
    try {
      const submitted = await options.submit(gate.form, { session: gate.session, clientAddress: address });
      if (submitted.session) exchange.keepSession(submitted.session);
      await exchange.respond(submitted);
    } catch (error) {
      if (!(error instanceof HydraError)) return exchange.respond(unexpected(error));
      const { failure } = error;
      await exchange.respond({ kind: "redirect", to: failure.kind === "handled" ? failure.redirectTo : options.pageUrl(gate.form.challenge) });
    }
  };
}

/** Runs a handler; Hydra's failures become their problem (or Hydra's redirect), anything unexpected "unavailable". */
async function settle<A>(run: () => Promise<A>): Promise<A | Problem | Redirect> {
  try {
    return await run();
  } catch (error) {
    return error instanceof HydraError ? outcomeOfHydraFailure(error.failure) : unexpected(error);
  }
}

/** A bug or an outage we did not classify: logged for us, "unavailable" for the person. */
function unexpected(error: unknown): Problem {
  console.error("Unexpected failure while answering a request:", error);
  return problem("unavailable");
}

const isRead = (method: string | undefined) => method === "GET" || method === "HEAD";

/** One request and its response: the flow cookie, the language, the security headers, and the answer. */
class Exchange {
  private session: FlowSession | undefined;
  /** The sealed cookie of a new or changed session, sealing while the request goes on. */
  private sealing: Promise<string> | undefined;
  readonly headers: Headers;

  private constructor(
    private readonly request: NextApiRequest,
    private readonly response: NextApiResponse,
    readonly existingSession: FlowSession | undefined,
  ) {
    this.session = existingSession;
    this.headers = requestHeaders(request);
  }

  static async open(request: NextApiRequest, response: NextApiResponse): Promise<Exchange> {
    return new Exchange(request, response, await unsealFlowSession(request.cookies[flowCookieName()]));
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

  async respond<V>(answer: PageAnswer<V>, render?: RenderView<V>): Promise<void> {
    await this.writeSessionCookie();
    if (answer.kind === "redirect") {
      this.writeSecurityHeaders(newNonce(), []);
      this.response.statusCode = 303;
      this.response.setHeader("Location", answer.to);
      this.response.end();
      return;
    }
    if (answer.kind === "problem") return this.respondProblem(answer);
    if (!render) throw new Error("a page that shows a view needs a renderer");
    const nonce = newNonce();
    this.writeSecurityHeaders(nonce, answer.formTargets ?? []);
    const chrome = this.chrome(answer.locale, this.pathAndQuery());
    this.send(200, renderDocument(chrome, nonce, render(chrome, answer.view)));
  }

  /** A problem with its status, in the request's language. */
  private respondProblem(answer: Problem): void {
    if (answer.retryAfter) this.response.setHeader("Retry-After", String(answer.retryAfter));
    const nonce = newNonce();
    this.writeSecurityHeaders(nonce, []);
    const page = problemPage(answer.problem);
    const read = isRead(this.request.method);
    // A refused post, or a path that is no page, has nothing to return to: the switcher leads to the problem's own page.
    const here = read && page !== "page_not_found" ? this.pathAndQuery() : `/problem/${page}`;
    const chrome = this.chrome(this.chooseLocale([]), here);
    this.send(problems[answer.problem], renderDocument(chrome, nonce, createElement(ProblemScreen, { chrome, problem: page, retry: read })));
  }

  private send(status: number, html: string): void {
    this.response.statusCode = status;
    this.response.setHeader("Content-Type", "text/html; charset=utf-8");
    this.response.end(html);
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

  private chrome(locale: Locale, pathAndQuery: string): PageChrome {
    return pageChrome({ locale, pathAndQuery, branding: branding() });
  }

  /**
   * This page's public path and the query it was asked with, less the
   * switcher's ?lang= (each switcher link sets its own). Handlers live under
   * /api, where next.config.mjs maps the public paths.
   */
  private pathAndQuery(): string {
    const url = this.request.url ?? "/";
    const at = url.indexOf("?");
    const path = publicPath(at < 0 ? url : url.slice(0, at));
    if (at < 0) return path;
    const query = url.slice(at + 1);
    if (!/(^|&)lang=/.test(query)) return `${path}?${query}`;
    const params = new URLSearchParams(query);
    params.delete("lang");
    return params.size > 0 ? `${path}?${params}` : path;
  }

  private async writeSessionCookie(): Promise<void> {
    if (!this.sealing) return;
    const options = flowCookieOptions();
    const sealed = await this.sealing;
    const attributes = [`Path=${options.path}`, `Max-Age=${options.maxAge}`, "HttpOnly", "SameSite=Lax", ...(options.secure ? ["Secure"] : [])];
    this.response.appendHeader("Set-Cookie", `${flowCookieName()}=${sealed}; ${attributes.join("; ")}`);
  }

  private writeSecurityHeaders(nonce: string, formTargets: readonly string[]): void {
    const https = config().appUrl.startsWith("https://");
    const headers = securityHeaders({ nonce, https, formTargets: formActionSources(formTargets) });
    for (const [name, value] of Object.entries(headers)) this.response.setHeader(name, value);
    this.response.setHeader("Cache-Control", "no-store");
  }
}

function publicPath(handlerPath: string): string {
  return handlerPath === "/api" ? "/" : handlerPath.startsWith("/api/") ? handlerPath.slice(4) : handlerPath;
}

function requestHeaders(request: NextApiRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}
