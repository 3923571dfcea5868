import { describe, expect, it } from "vitest";
import { challengeHash } from "./redaction";
import { inRequestContext } from "./request-context";
import { finishStep, startStep } from "./step-trace";
import { capturedLog } from "./testing/captured-log";

const challenge = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.".padEnd(1500, "Zq9");

describe("a step's log line", () => {
  it("names the step, its outcome, status, duration, request id and the challenge's hash, once", () => {
    const { logger, entries } = capturedLog();
    const trace = startStep("login_submit", "req-123");
    trace.challenge = challenge;
    inRequestContext(trace, () => finishStep(trace, "redirect", 303, logger));
    const [line, ...more] = entries();
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: "info",
      msg: "step answered",
      requestId: "req-123",
      step: "login_submit",
      outcome: "redirect",
      status: 303,
      challengeHash: challengeHash(challenge),
    });
    expect(line?.ms).toBeTypeOf("number");
    expect(line?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("never holds the challenge itself", () => {
    const { logger, lines } = capturedLog("trace");
    const trace = startStep("consent_page", undefined);
    trace.challenge = challenge;
    inRequestContext(trace, () => finishStep(trace, "show", 200, logger));
    expect(lines).toHaveLength(1);
    expect(lines.join("")).not.toContain(challenge.slice(0, 40));
  });

  it("has no challenge field when the request carried none", () => {
    const { logger, entries } = capturedLog();
    const trace = startStep("other_page", undefined);
    finishStep(trace, "page_not_found", 404, logger);
    expect(entries()[0]).not.toHaveProperty("challengeHash");
    expect(entries()[0]).toMatchObject({ outcome: "page_not_found", status: 404 });
  });

  it("is skipped, with no hashing, below the configured level", () => {
    const { logger, lines } = capturedLog("warn");
    const trace = startStep("login_page", undefined);
    finishStep(trace, "show", 200, logger);
    expect(lines).toEqual([]);
  });
});

describe("the logger", () => {
  it("censors a challenge, password, email or CSRF token whoever logs them, at the top or one level down", () => {
    const { logger, lines, entries } = capturedLog();
    const secrets = { challenge, password: "correct horse battery staple", email: "someone@example.com", csrf: "tok.en-value" };
    logger.info(secrets, "careless");
    logger.info({ form: secrets }, "careless, nested");
    for (const secret of Object.values(secrets)) expect(lines.join("")).not.toContain(secret);
    expect(entries()[0]).toMatchObject({ password: "[redacted]", email: "[redacted]", csrf: "[redacted]", challenge: "[redacted]" });
  });

  it("logs an error with its stack, less any challenge in its message or stack", () => {
    const { logger, lines, entries } = capturedLog();
    const error = new Error(`fetch http://hydra/admin/oauth2/auth/requests/login?login_challenge=${challenge} failed`);
    logger.error({ err: error }, "unexpected failure while answering a request");
    expect(lines.join("")).not.toContain(challenge.slice(0, 40));
    const err = entries()[0]?.err as { type: string; message: string; stack: string };
    expect(err.type).toBe("Error");
    expect(err.message).toContain("login_challenge=[redacted]");
    expect(err.stack).toContain("step-trace.test.ts");
  });

  it("logs an error's type, message, stack, code and cause, not the values a driver attached to it", () => {
    const { logger, lines, entries } = capturedLog();
    const driverError = Object.assign(new Error("duplicate key value violates unique constraint"), {
      code: "23505",
      detail: "Key (email)=(someone@example.com) already exists.",
    });
    logger.error({ err: new Error("could not save", { cause: driverError }) }, "unexpected failure while answering a request");
    expect(lines.join("")).not.toContain("someone@example.com");
    expect(entries()[0]?.err).toMatchObject({ message: "could not save", cause: { code: "23505", message: "duplicate key value violates unique constraint" } });
  });
});
