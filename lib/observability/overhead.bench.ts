import pino from "pino";
import { bench, describe } from "vitest";
import { recordHydraCall } from "./hydra-calls";
import { createLogger } from "./log";
import { inRequestContext } from "./request-context";
import { finishStep, startStep } from "./step-trace";

/**
 * What observability adds to one request: its id, context, two timed Hydra
 * calls, the step's counts and its log line.
 * `npx vitest bench --run lib/observability/overhead.bench.ts`; the
 * difference of the means is the cost per request. The line is written
 * synchronously to /dev/null here, so its write is counted on this thread: the
 * app's logger hands that write to libuv instead, and a loop with no turn of
 * the event loop between iterations would only pile lines up in its buffer.
 */
const logger = createLogger("info", pino.destination({ dest: "/dev/null", sync: true }));
const challenge = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.".padEnd(1500, "Zq9");
const hydraUrl = new URL(`http://127.0.0.1:4445/admin/oauth2/auth/requests/login?login_challenge=${challenge}`);
const acceptUrl = new URL("http://127.0.0.1:4445/admin/oauth2/auth/requests/login/accept");
const hydraCall = () => Promise.resolve({ status: 200 });

async function observedPost(requestIdHeader: string | undefined) {
  const trace = startStep("login_submit", requestIdHeader);
  trace.challenge = challenge;
  await inRequestContext(trace, async () => {
    for (const [method, url] of [["GET", hydraUrl], ["PUT", acceptUrl]] as const) {
      const started = performance.now();
      const { status } = await hydraCall();
      recordHydraCall({ method, url, ms: performance.now() - started, status }, logger);
    }
    finishStep(trace, "redirect", 303, logger);
  });
}

describe("one login form post", () => {
  bench("without observability", async () => {
    await hydraCall();
    await hydraCall();
  });

  bench("with the proxy's X-Request-Id, context, Hydra call timing, step counts and log line", () =>
    observedPost("7d8e6c9a-3b1f-4c2d-9e8f-0a1b2c3d4e5f"));

  bench("the same with a new request id", () => observedPost(undefined));
});
