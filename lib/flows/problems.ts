import type { HydraFailure } from "@/lib/hydra/errors";

/** Each thing that can go wrong in a flow: one page, one message key, one HTTP status. */
export const problems = {
  invalid_request: 400,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  expired: 401,
  too_large: 413,
  unsupported_media: 415,
  too_many: 429,
  unavailable: 503,
} as const;

export type ProblemKind = keyof typeof problems;

/** The page (and message) each problem is explained with: a wrong method reads like any invalid request. */
export function problemPage(kind: ProblemKind): Exclude<ProblemKind, "method_not_allowed"> {
  return kind === "method_not_allowed" ? "invalid_request" : kind;
}

export function isProblemKind(value: string): value is ProblemKind {
  return Object.hasOwn(problems, value);
}

export type HydraOutcome = { problem: ProblemKind; retryAfter?: number } | { redirectTo: string };

/** What the browser sees when Hydra refuses or cannot answer a challenge. */
export function outcomeOfHydraFailure(failure: HydraFailure): HydraOutcome {
  switch (failure.kind) {
    case "handled":
      return { redirectTo: failure.redirectTo };
    case "expired":
      return { problem: "expired" };
    case "not_found":
      return { problem: "not_found" };
    case "invalid":
      return { problem: "invalid_request" };
    case "unavailable":
      return { problem: "unavailable" };
  }
}
