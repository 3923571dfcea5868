import type { NextApiRequest, NextApiResponse } from "next";
import { config } from "@/lib/config";
import { type Problem, type ProblemKind, type Redirect, outcomeOfHydraFailure, problem } from "@/lib/flows/problems";
import { HydraError } from "@/lib/hydra/errors";
import type { Locale } from "@/lib/i18n/locales";
import { log } from "@/lib/observability/log";
import { type FlowStep, metrics } from "@/lib/observability/metrics";
import { inRequestContext } from "@/lib/observability/request-context";
import { type StepTrace, startStep } from "@/lib/observability/step-trace";
import type { FlowSession } from "@/lib/security/flow-session";
import { challengeSchema } from "@/lib/validations/flow-input";
import type { Html, PageAnswer, PageRequest } from "./answers";
import { Exchange, isRead } from "./exchange";
import { type FormSpec, checkFormPost } from "./gate";
import { configuredSignInThrottle } from "./sign-in-throttle";
import type { Shown, StepStart, StepSubmit, SubmitContext } from "./steps/step";

export type Handler = (request: NextApiRequest, response: NextApiResponse) => Promise<void>;

/**
 * Every request these handlers answer gets an id: the caller's X-Request-Id
 * when well formed, else a new one. It is echoed on the answer, sent to Hydra
 * with each call made for the request, and on each of its log lines; the
 * exchange logs and counts the step once when it answers (lib/observability).
 */
export function traced(step: FlowStep, serve: (request: NextApiRequest, response: NextApiResponse, trace: StepTrace) => Promise<void>): Handler {
  return (request, response) => {
    const trace = startStep(step, request.headers["x-request-id"]);
    response.setHeader("X-Request-Id", trace.requestId);
    return inRequestContext(trace, () => serve(request, response, trace));
  };
}

/** A page that only reads (GET, HEAD). Every failure becomes a problem page with its status, never a stack trace. */
export function servePage<V>(handle: (page: PageRequest) => Promise<PageAnswer<V>>, html: Html<V>, options: { forms?: boolean } = {}): Handler {
  return readingPage("other_page", handle, html, options.forms ?? false);
}

function readingPage<V>(
  step: FlowStep,
  handle: (page: PageRequest, trace: StepTrace) => Promise<PageAnswer<V>>,
  html: Html<V>,
  forms: boolean,
): Handler {
  return traced(step, async (request, response, trace) => {
    const exchange = await Exchange.open(request, response, html, trace);
    if (!isRead(request.method)) return exchange.respond(problem("method_not_allowed"));
    if (forms) exchange.startSessionIfNew();
    await exchange.respond(await settle(() => handle(exchange.pageRequest(), trace)));
  });
}

/** A handler that only ever answers one problem, whatever the method. */
export function serveProblem(kind: ProblemKind, html: Html<never>): Handler {
  return traced("other_page", async (request, response, trace) => (await Exchange.open(request, response, html, trace)).respond(problem(kind)));
}

const pageSteps = { login_challenge: "login_page", consent_challenge: "consent_page", logout_challenge: "logout_page" } as const;

/** A flow page: its challenge is checked and looked up once, by its step, and the page renders that one answer. */
export function serveFlowPage<S extends Shown, V>(options: {
  param: keyof typeof pageSteps;
  start: (challenge: string, session: FlowSession | undefined) => Promise<StepStart<S>>;
  view: (shown: S, page: PageRequest, locale: Locale) => V;
  html: Html<V>;
  /** Whether the page runs a passkey ceremony, which needs the passkey script. */
  passkeyScript?: (shown: S) => boolean;
}): Handler {
  return readingPage<V>(
    pageSteps[options.param],
    async (page, trace) => {
      const values = page.query[options.param];
      const challenge = challengeSchema.safeParse(Array.isArray(values) ? undefined : values);
      if (!challenge.success) return problem("invalid_request");
      trace.challenge = challenge.data;
      const started = await options.start(challenge.data, page.existingSession);
      if (started.kind === "redirect") return started;
      const locale = page.chooseLocale(started.uiLocales);
      return {
        kind: "show",
        view: options.view(started, page, locale),
        locale,
        formTargets: started.formTargets,
        passkeyScript: options.passkeyScript?.(started) ?? false,
      };
    },
    options.html,
    true,
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
  html: Html<never>;
}): Handler {
  return traced(`${options.form.purpose}_submit`, async (request, response, trace) => {
    const exchange = await Exchange.open(request, response, options.html, trace);
    const address = exchange.clientAddress();
    const gate = await checkFormPost(
      { method: request.method ?? "", headers: exchange.headers, body: () => request },
      options.form,
      {
        appOrigin: new URL(config().appUrl).origin,
        session: exchange.existingSession,
        binding: (form) => form.challenge,
        signInRetryAfter: async (email) => (await configuredSignInThrottle()).retryAfter(email, address),
      },
    );
    if (gate.kind === "problem") {
      if (gate.problem === "too_many") metrics().signInThrottled.inc();
      return exchange.respond(gate);
    }
    trace.challenge = gate.form.challenge;
    try {
      const submitted = await options.submit(gate.form, { session: gate.session, clientAddress: address });
      if (submitted.kind === "redirect" && submitted.session) exchange.keepSession(submitted.session);
      await exchange.respond(submitted);
    } catch (error) {
      if (!(error instanceof HydraError)) return exchange.respond(unexpected(error));
      const { failure } = error;
      await exchange.respond({ kind: "redirect", to: failure.kind === "handled" ? failure.redirectTo : options.pageUrl(gate.form.challenge) });
    }
  });
}

/** Runs a handler; Hydra's failures become their problem (or Hydra's redirect), anything unexpected "unavailable". */
async function settle<A>(run: () => Promise<A>): Promise<A | Problem | Redirect> {
  try {
    return await run();
  } catch (error) {
    return error instanceof HydraError ? outcomeOfHydraFailure(error.failure) : unexpected(error);
  }
}

/** A bug or an outage we did not classify: logged for us with its stack, "unavailable" for the person. */
function unexpected(error: unknown): Problem {
  log().error({ err: error }, "unexpected failure while answering a request");
  return problem("unavailable");
}
