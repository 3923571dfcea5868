import { describe, expect, it } from "vitest";
import { failureForStatus } from "@/lib/hydra/errors";
import { isProblemKind, outcomeOfHydraFailure, problemPage, problems } from "./problems";

describe("outcomeOfHydraFailure", () => {
  const outcome = (status: number, body: unknown = {}) => outcomeOfHydraFailure(failureForStatus(status, body));

  it("maps Hydra's statuses to one problem each", () => {
    expect(outcome(404)).toEqual({ kind: "problem", problem: "not_found" });
    expect(outcome(401)).toEqual({ kind: "problem", problem: "expired" });
    expect(outcome(409)).toEqual({ kind: "problem", problem: "expired" });
    expect(outcome(400)).toEqual({ kind: "problem", problem: "invalid_request" });
    expect(outcome(500)).toEqual({ kind: "problem", problem: "unavailable" });
    expect(outcome(502)).toEqual({ kind: "problem", problem: "unavailable" });
  });

  it("follows Hydra's redirect for a request it already handled (410)", () => {
    expect(outcome(410, { redirect_to: "http://localhost:4444/x" })).toEqual({ kind: "redirect", to: "http://localhost:4444/x" });
  });

  it("treats a 410 without a redirect as unknown", () => {
    expect(outcome(410, null)).toEqual({ kind: "problem", problem: "not_found" });
  });
});

describe("problems", () => {
  it("gives every problem a client or server error status", () => {
    for (const status of Object.values(problems)) expect(status).toBeGreaterThanOrEqual(400);
    expect(isProblemKind("forbidden")).toBe(true);
    expect(isProblemKind("toString")).toBe(false);
  });
});

describe("problemPage", () => {
  it("explains a wrong method with the invalid-request page and keeps the others", () => {
    expect(problemPage("method_not_allowed")).toBe("invalid_request");
    expect(problemPage("expired")).toBe("expired");
  });
});
