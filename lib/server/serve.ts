import type { NextApiRequest, NextApiResponse } from "next";
import { config } from "@/lib/config";
import { type Problem, type ProblemKind, type Redirect, outcomeOfHydraFailure, problem } from "@/lib/flows/problems";
import { HydraError } from "@/lib/hydra/errors";
import type { Locale } from "@/lib/i18n/locales";
import type { FlowSession } from "@/lib/security/flow-session";
import { challengeSchema } from "@/lib/validations/flow-input";
import type { Html, PageAnswer, PageRequest } from "./answers";
import { Exchange, isRead } from "./exchange";
import { type FormSpec, checkFormPost } from "./gate";
import { configuredSignInThrottle } from "./sign-in-throttle";
import type { Shown, StepStart, StepSubmit, SubmitContext } from "./steps/step";

type Handler = (request: NextApiRequest, response: NextApiResponse) => Promise<void>;

/** A page that only reads (GET, HEAD). Every failure becomes a problem page with its status, never a stack trace. */
export function servePage<V>(handle: (page: PageRequest) => Promise<PageAnswer<V>>, html: Html<V>, options: { forms?: boolean } = {}): Handler {
  return async (request, response) => {
    const exchange = await Exchange.open(request, response, html);
    if (!isRead(request.method)) return exchange.respond(problem("method_not_allowed"));
    if (options.forms) exchange.startSessionIfNew();
    await exchange.respond(await settle(() => handle(exchange.pageRequest())));
  };
}

/** A handler that only ever answers one problem, whatever the method. */
export function serveProblem(kind: ProblemKind, html: Html<never>): Handler {
  return async (request, response) => (await Exchange.open(request, response, html)).respond(problem(kind));
}

/** A flow page: its challenge is checked and looked up once, by its step, and the page renders that one answer. */
export function serveFlowPage<S extends Shown, V>(options: {
  param: string;
  start: (challenge: string, session: FlowSession | undefined) => Promise<StepStart<S>>;
  view: (shown: S, page: PageRequest, locale: Locale) => V;
  html: Html<V>;
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
    options.html,
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
  html: Html<never>;
}): Handler {
  return async (request, response) => {
    const exchange = await Exchange.open(request, response, options.html);
    const address = exchange.clientAddress();
    const gate = await checkFormPost(
      { method: request.method ?? "", headers: exchange.headers, body: () => request },
      options.form,
      { appOrigin: new URL(config().appUrl).origin, session: exchange.existingSession, signInRetryAfter: async (email) => (await configuredSignInThrottle()).retryAfter(email, address) },
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
