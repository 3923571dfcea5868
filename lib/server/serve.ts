import type { IncomingMessage, ServerResponse } from "node:http";
import type { GetServerSidePropsContext, GetServerSidePropsResult } from "next";
import { branding } from "@/lib/branding/config";
import { config } from "@/lib/config";
import { type Problem, type ProblemPage, type Redirect, outcomeOfHydraFailure, problem, problemPage, problems } from "@/lib/flows/problems";
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
import { signInRetryAfter } from "./sign-in-throttle";
import type { Shown, StepStart, StepSubmit, SubmitContext } from "./steps/step";

/** What every page renders from: its chrome (language, direction, branding) and either its view or a problem. */
export type PageProps<V> = { chrome: PageChrome; nonce: string; content: PageContent<V> };
export type PageContent<V> = { kind: "show"; view: V } | { kind: "problem"; problem: ProblemPage; retry: boolean };

/** A page's answer: a redirect, its view (in the language chosen for it), or a problem. */
export type PageAnswer<V> = Redirect | Problem | { kind: "show"; view: V; locale: Locale; formTargets?: readonly string[] };

/** What a page handler may ask of the request. */
export type PageRequest = {
  query: GetServerSidePropsContext["query"];
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

type Result<V> = GetServerSidePropsResult<PageProps<V>>;

/** A page that only reads (GET, HEAD). Every failure becomes a problem page with its status, never a stack trace. */
export function servePage<V>(handle: (page: PageRequest) => Promise<PageAnswer<V>>) {
  return async (context: GetServerSidePropsContext): Promise<Result<V>> => {
    const exchange = await Exchange.open(context);
    if (!isRead(context.req.method)) return exchange.respond(problem("method_not_allowed"));
    return exchange.respond(await settle(() => handle(exchange.pageRequest())));
  };
}

/** A flow page: its challenge is checked and looked up once, by its step, and the page renders that one answer. */
export function serveFlowPage<S extends Shown, V>(options: {
  param: string;
  start: (challenge: string, session: FlowSession | undefined) => Promise<StepStart<S>>;
  view: (shown: S, page: PageRequest, locale: Locale) => V;
}) {
  return servePage<V>(async (page) => {
    const values = page.query[options.param];
    const challenge = challengeSchema.safeParse(Array.isArray(values) ? undefined : values);
    if (!challenge.success) return problem("invalid_request");
    const started = await options.start(challenge.data, page.existingSession);
    if (started.kind === "redirect") return started;
    const locale = page.chooseLocale(started.uiLocales);
    return { kind: "show", view: options.view(started, page, locale), locale, formTargets: started.formTargets };
  });
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
}) {
  return async (context: GetServerSidePropsContext): Promise<Result<never>> => {
    const exchange = await Exchange.open(context);
    const address = exchange.clientAddress();
    const gate = await checkFormPost(
      { method: context.req.method ?? "", headers: exchange.headers, body: () => context.req },
      options.form,
      { appOrigin: new URL(config().appUrl).origin, session: exchange.existingSession, signInRetryAfter: (email) => signInRetryAfter(email, address) },
    );
    if (gate.kind === "problem") return exchange.respond(gate);
    try {
      const submitted = await options.submit(gate.form, { session: gate.session, clientAddress: address });
      if (submitted.session) exchange.keepSession(submitted.session);
      return exchange.respond(submitted);
    } catch (error) {
      if (!(error instanceof HydraError)) return exchange.respond(unexpected(error));
      const { failure } = error;
      return exchange.respond({ kind: "redirect", to: failure.kind === "handled" ? failure.redirectTo : options.pageUrl(gate.form.challenge) });
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

type ExchangeContext = Pick<GetServerSidePropsContext, "req" | "res" | "query" | "resolvedUrl">;

/** One request and its response: the flow cookie, the language, the security headers, and the answer. */
class Exchange {
  private session: FlowSession | undefined;
  private sessionChanged = false;
  readonly headers: Headers;

  private constructor(
    private readonly context: ExchangeContext,
    readonly existingSession: FlowSession | undefined,
  ) {
    this.session = existingSession;
    this.headers = requestHeaders(context.req);
  }

  static async open(context: ExchangeContext): Promise<Exchange> {
    return new Exchange(context, await unsealFlowSession(cookie(context.req, flowCookieName())));
  }

  pageRequest(): PageRequest {
    return {
      query: this.context.query,
      existingSession: this.existingSession,
      chooseLocale: (uiLocales = []) => this.chooseLocale(uiLocales),
      formToken: (purpose, challenge) => formToken(this.currentSession(), purpose, challenge),
    };
  }

  keepSession(session: FlowSession): void {
    this.session = session;
    this.sessionChanged = true;
  }

  clientAddress(): string {
    return clientAddress(this.headers.get("x-forwarded-for") ?? this.context.req.socket.remoteAddress ?? null, config().trustProxyHops);
  }

  async respond<V>(answer: PageAnswer<V>): Promise<Result<V>> {
    const res = this.context.res;
    await this.writeSessionCookie(res);
    if (answer.kind === "redirect") {
      this.writeSecurityHeaders(res, newNonce(), []);
      return { redirect: { destination: answer.to, statusCode: 303 } };
    }
    if (answer.kind === "problem") return { props: this.problemProps(answer) };
    const nonce = newNonce();
    this.writeSecurityHeaders(res, nonce, answer.formTargets ?? []);
    return { props: { chrome: this.chrome(answer.locale, this.context.resolvedUrl), nonce, content: { kind: "show", view: answer.view } } };
  }

  /** A problem with its status, in the request's language. */
  problemProps(answer: Problem, status: number = problems[answer.problem]): PageProps<never> {
    const res = this.context.res;
    res.statusCode = status;
    if (answer.retryAfter) res.setHeader("Retry-After", String(answer.retryAfter));
    const nonce = newNonce();
    this.writeSecurityHeaders(res, nonce, []);
    const page = problemPage(answer.problem);
    const read = isRead(this.context.req.method);
    // A refused post, or a path that is no page, has nothing to return to: the switcher leads to the problem's own page.
    const here = read && page !== "page_not_found" ? this.context.resolvedUrl : `/problem/${page}`;
    const chrome = this.chrome(this.chooseLocale([]), here);
    return { chrome, nonce, content: { kind: "problem", problem: page, retry: read } };
  }

  private currentSession(): FlowSession {
    if (!this.session) this.keepSession(newFlowSession());
    return this.session as FlowSession;
  }

  private chooseLocale(uiLocales: readonly string[]): Locale {
    return chooseLocale({
      query: this.context.query.lang,
      uiLocales,
      cookie: cookie(this.context.req, localeCookieName),
      acceptLanguage: this.headers.get("accept-language") ?? undefined,
    });
  }

  private chrome(locale: Locale, url: string): PageChrome {
    return pageChrome({ locale, pathAndQuery: withoutLang(url), branding: branding() });
  }

  private async writeSessionCookie(res: ServerResponse): Promise<void> {
    if (!this.sessionChanged || !this.session) return;
    const options = flowCookieOptions();
    const sealed = await sealFlowSession(this.session);
    const attributes = [`Path=${options.path}`, `Max-Age=${options.maxAge}`, "HttpOnly", "SameSite=Lax", ...(options.secure ? ["Secure"] : [])];
    res.appendHeader("Set-Cookie", `${flowCookieName()}=${sealed}; ${attributes.join("; ")}`);
  }

  private writeSecurityHeaders(res: ServerResponse, nonce: string, formTargets: readonly string[]): void {
    const https = config().appUrl.startsWith("https://");
    const headers = securityHeaders({ nonce, https, formTargets: formActionSources(formTargets) });
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.setHeader("Cache-Control", "no-store");
  }
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

function requestHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}

/** The page's own path and query, without the switcher's ?lang= (each switcher link sets its own). */
function withoutLang(url: string): string {
  if (!/[?&]lang=/.test(url)) return url;
  const parsed = new URL(url, "http://x");
  parsed.searchParams.delete("lang");
  return `${parsed.pathname}${parsed.search}`;
}
