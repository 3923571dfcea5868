import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { processWide } from "./process-wide";

/**
 * What a handler answers, as a label: each flow's page and form post, and
 * every other page (home, Hydra's error page, problem pages, unknown paths).
 */
export type FlowStep = `${"login" | "consent" | "logout" | "account" | "admin" | "self_service"}_${"page" | "submit"}` | "other_page";

/** Hydra calls by duration; a flow hop makes one to three, each normally 1–20 ms. */
const hydraBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
/** Whole answers: a page is a few ms, a sign-in tens (argon2), a slow Hydra up to its timeout. */
const stepBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The app's metrics on one registry. Every label has a fixed, small set of
 * values (steps, outcomes, Hydra operations, problem kinds); nothing a client
 * sends (a challenge, an email, a path) ever becomes a label.
 */
export function createMetrics(registry = new Registry()) {
  const registers = [registry];
  return {
    registry,
    stepsStarted: new Counter({
      name: "provider_flow_steps_started_total",
      help: "Requests a step began to answer.",
      labelNames: ["step"] as const,
      registers,
    }),
    stepsCompleted: new Counter({
      name: "provider_flow_steps_completed_total",
      help: "Steps answered with a redirect or a page (outcome: redirect, show).",
      labelNames: ["step", "outcome"] as const,
      registers,
    }),
    stepsRefused: new Counter({
      name: "provider_flow_steps_refused_total",
      help: "Steps answered with a problem page (outcome: the problem, e.g. forbidden, expired, too_many, unavailable).",
      labelNames: ["step", "outcome"] as const,
      registers,
    }),
    stepDuration: new Histogram({
      name: "provider_flow_step_duration_seconds",
      help: "Time from a request's arrival at its handler to its answer.",
      labelNames: ["step"] as const,
      buckets: stepBuckets,
      registers,
    }),
    hydraCalls: new Histogram({
      name: "provider_hydra_call_duration_seconds",
      help: "Calls to Hydra by operation (the SDK method) and outcome (ok, 4xx, 5xx, timeout, network).",
      labelNames: ["op", "outcome"] as const,
      buckets: hydraBuckets,
      registers,
    }),
    signInFailures: new Counter({
      name: "provider_sign_in_failures_total",
      help: "Sign-ins refused for a wrong email or password.",
      registers,
    }),
    signInThrottled: new Counter({
      name: "provider_sign_in_throttled_total",
      help: "Sign-in posts refused with 429 because the account or the address must wait.",
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The process's metrics, shared by the API routes that record and the server that exposes them. */
export function metrics(): Metrics {
  return processWide("metrics", () => createMetrics());
}

/** prom-client's process metrics (CPU, memory, event loop lag, GC), gathered only when someone can read them. */
export function collectProcessMetrics(): void {
  processWide("process-metrics", () => {
    collectDefaultMetrics({ register: metrics().registry });
    return true;
  });
}
