import type { ProblemKind } from "@/lib/flows/problems";
import { type Logger, log } from "./log";
import { type FlowStep, metrics } from "./metrics";
import { challengeHash } from "./redaction";
import { type RequestContext, requestIdFrom } from "./request-context";

/** One request on its way through a step: also the request's context, so it is the only object made for it here. */
export type StepTrace = RequestContext & {
  readonly step: FlowStep;
  readonly started: number;
  /** The challenge the request carried; only its hash is ever logged. */
  challenge?: string;
};

/** How a step answered: the browser sent on, a page shown, or a problem page. */
export type StepOutcome = "redirect" | "show" | ProblemKind;

/** A request reached a step: counted now, and given its id (the caller's, when well formed). */
export function startStep(step: FlowStep, requestIdHeader: string | string[] | undefined): StepTrace {
  metrics().stepsStarted.inc({ step });
  return { requestId: requestIdFrom(requestIdHeader), step, started: performance.now() };
}

/** The step answered: one log line and its counts, once per request. */
export function finishStep(trace: StepTrace, outcome: StepOutcome, status: number, logger: Logger = log()): void {
  const ms = performance.now() - trace.started;
  const { step } = trace;
  const counted = metrics();
  (outcome === "redirect" || outcome === "show" ? counted.stepsCompleted : counted.stepsRefused).inc({ step, outcome });
  counted.stepDuration.observe({ step }, ms / 1000);
  if (!logger.isLevelEnabled("info")) return;
  const challenge = trace.challenge === undefined ? undefined : challengeHash(trace.challenge);
  logger.info({ step, outcome, status, ms: Math.round(ms * 100) / 100, challengeHash: challenge }, "step answered");
}
