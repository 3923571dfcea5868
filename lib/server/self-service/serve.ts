import type { z } from "zod";
import { config } from "@/lib/config";
import { outcomeOfHydraFailure, problem } from "@/lib/flows/problems";
import { HydraError } from "@/lib/hydra/errors";
import { log } from "@/lib/observability/log";
import type { FlowSession } from "@/lib/security/flow-session";
import type { Html, PageAnswer, PageRequest } from "../answers";
import { Exchange } from "../exchange";
import { checkFormPost } from "../gate";
import { type Handler, servePage, traced } from "../serve";
import type { SelfServiceView } from "./views";

export type SelfServiceAnswer = PageAnswer<SelfServiceView>;

/** What a form post answers, the flow session to keep when it changed, and work to do once the answer is sent. */
export type SelfServiceOutcome = { answer: SelfServiceAnswer; session?: FlowSession; after?: () => Promise<void> };

export type SelfServiceContext = { page: PageRequest; session: FlowSession; clientAddress: string };

/** A self-service page: "this page does not exist" while its feature is off. */
export function serveSelfServicePage(enabled: () => boolean, handle: (page: PageRequest) => Promise<SelfServiceAnswer>, html: Html<SelfServiceView>): Handler {
  return servePage(async (page) => (enabled() ? handle(page) : problem("page_not_found")), html, { forms: true });
}

/**
 * A self-service form: the same gate as the flows (CSRF bound to this browser
 * and, when there is one, the login challenge). Work that would tell an existing
 * address from an unknown one by its duration runs after the answer is sent.
 */
export function serveSelfServiceForm<F extends { csrf: string; challenge?: string }>(options: {
  enabled: () => boolean;
  schema: z.ZodType<F>;
  submit: (form: F, context: SelfServiceContext) => Promise<SelfServiceOutcome>;
  html: Html<SelfServiceView>;
}): Handler {
  return traced("self_service_submit", async (request, response, trace) => {
    const exchange = await Exchange.open(request, response, options.html, trace);
    if (!options.enabled()) return exchange.respond(problem("page_not_found"));
    const gate = await checkFormPost(
      { method: request.method ?? "", headers: exchange.headers, body: () => request },
      { schema: options.schema, purpose: "self_service" },
      { appOrigin: new URL(config().appUrl).origin, session: exchange.existingSession, binding: (form) => form.challenge ?? "", signInRetryAfter: async () => 0 },
    );
    if (gate.kind === "problem") return exchange.respond(gate);
    if (gate.form.challenge) trace.challenge = gate.form.challenge;
    let outcome: SelfServiceOutcome;
    try {
      outcome = await options.submit(gate.form, { page: exchange.pageRequest(), session: gate.session, clientAddress: exchange.clientAddress() });
    } catch (error) {
      if (!(error instanceof HydraError)) log().error({ err: error }, "unexpected failure while answering a request");
      outcome = { answer: error instanceof HydraError ? outcomeOfHydraFailure(error.failure) : problem("unavailable") };
    }
    if (outcome.session) exchange.keepSession(outcome.session);
    await exchange.respond(outcome.answer);
    // Not awaited: Next finishes the response only when the handler returns, and the answer must not wait for the e-mail.
    if (outcome.after) void outcome.after().catch((error: unknown) => log().error({ err: error }, "self-service e-mail failed"));
  });
}
