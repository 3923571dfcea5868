import type { HydraFailure } from "@/lib/hydra/errors";

/** Each thing that can go wrong in a flow: one page, one message key, one HTTP status. */
export const problems = {
  invalid_request: 400,
  forbidden: 403,
  not_found: 404,
  page_not_found: 404,
  method_not_allowed: 405,
  expired: 401,
  too_large: 413,
  unsupported_media: 415,
  too_many: 429,
  unavailable: 503,
  /** The account page only: its client could not be registered, or Hydra cannot be reached. The flows are not affected. */
  account_unavailable: 503,
  /** The account page only: the signed-in account no longer exists. */
  account_gone: 410,
  /** The admin console: the signed-in account does not have the admin role. */
  admin_forbidden: 403,
} as const;

export type ProblemKind = keyof typeof problems;

/** The problems that have a page (and message) of their own: a wrong method reads like any invalid request. */
export type ProblemPage = Exclude<ProblemKind, "method_not_allowed">;

export function problemPage(kind: ProblemKind): ProblemPage {
  return kind === "method_not_allowed" ? "invalid_request" : kind;
}

export function isProblemKind(value: string): value is ProblemKind {
  return Object.hasOwn(problems, value);
}

export type Problem = { kind: "problem"; problem: ProblemKind; retryAfter?: number };
export type Redirect = { kind: "redirect"; to: string };

export const problem = (kind: ProblemKind, retryAfter?: number): Problem =>
  retryAfter === undefined ? { kind: "problem", problem: kind } : { kind: "problem", problem: kind, retryAfter };

/** What the browser sees when Hydra refuses or cannot answer a challenge. */
export function outcomeOfHydraFailure(failure: HydraFailure): Problem | Redirect {
  switch (failure.kind) {
    case "handled":
      return { kind: "redirect", to: failure.redirectTo };
    case "expired":
      return problem("expired");
    case "not_found":
      return problem("not_found");
    case "invalid":
      return problem("invalid_request");
    case "unavailable":
      return problem("unavailable");
  }
}
