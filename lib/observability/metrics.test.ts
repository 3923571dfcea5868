import { describe, expect, it } from "vitest";
import { recordHydraCall } from "./hydra-calls";
import { metrics } from "./metrics";
import { finishStep, startStep } from "./step-trace";
import { capturedLog } from "./testing/captured-log";

const challenge = "challenge-that-must-not-become-a-label-".repeat(20);

describe("the metrics registry", () => {
  it("exposes each event recorded, by step, outcome and Hydra operation, and nothing a client sent", async () => {
    const { logger } = capturedLog("silent");
    const page = startStep("login_page", undefined);
    page.challenge = challenge;
    finishStep(page, "show", 200, logger);
    finishStep(startStep("login_submit", undefined), "redirect", 303, logger);
    finishStep(startStep("login_submit", undefined), "too_many", 429, logger);
    recordHydraCall({ method: "GET", url: new URL(`http://hydra:4445/admin/oauth2/auth/requests/login?login_challenge=${challenge}`), ms: 4.2, status: 200 }, logger);
    recordHydraCall({ method: "PUT", url: new URL("http://hydra:4445/admin/oauth2/auth/requests/login/accept"), ms: 12, status: 503 }, logger);
    metrics().signInFailures.inc();
    metrics().signInThrottled.inc();

    const text = await metrics().registry.metrics();
    expect(text).toMatch(/^provider_flow_steps_started_total\{step="login_page"\} [1-9]/m);
    expect(text).toMatch(/^provider_flow_steps_completed_total\{step="login_page",outcome="show"\} [1-9]/m);
    expect(text).toMatch(/^provider_flow_steps_completed_total\{step="login_submit",outcome="redirect"\} [1-9]/m);
    expect(text).toMatch(/^provider_flow_steps_refused_total\{step="login_submit",outcome="too_many"\} [1-9]/m);
    expect(text).toMatch(/^provider_flow_step_duration_seconds_bucket\{le="0.001",step="login_submit"\} /m);
    expect(text).toMatch(/^provider_hydra_call_duration_seconds_bucket\{le="0.005",op="getOAuth2LoginRequest",outcome="ok"\} [1-9]/m);
    expect(text).toMatch(/^provider_hydra_call_duration_seconds_count\{op="acceptOAuth2LoginRequest",outcome="5xx"\} [1-9]/m);
    expect(text).toMatch(/^provider_sign_in_failures_total [1-9]/m);
    expect(text).toMatch(/^provider_sign_in_throttled_total [1-9]/m);
    expect(text).not.toContain("challenge-that");
  });
});
