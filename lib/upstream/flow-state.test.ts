import { describe, expect, it } from "vitest";
import { newFlowSession } from "@/lib/security/flow-session";
import { upstreamForMs, upstreamInFlight, upstreamLinkPending, withUpstreamLink, withUpstreamStart, withoutUpstream } from "./flow-state";

const checks = { state: "s", nonce: "n", verifier: "v" };
const now = 1_000_000;

describe("an upstream sign-in in the flow cookie", () => {
  const session = withUpstreamStart(newFlowSession(), "challenge-a", "corp", checks, now);

  it("is found only for its own challenge, before it expires", () => {
    expect(upstreamInFlight(session, "challenge-a", now + 1)).toEqual({ provider: "corp", checks });
    expect(upstreamInFlight(session, "challenge-b", now + 1)).toBeUndefined();
    expect(upstreamInFlight(session, undefined, now + 1)).toBeUndefined();
    expect(upstreamInFlight(session, "challenge-a", now + upstreamForMs)).toBeUndefined();
    expect(upstreamInFlight(undefined, "challenge-a", now)).toBeUndefined();
  });

  it("is spent once used", () => {
    expect(upstreamInFlight(withoutUpstream(session), "challenge-a", now)).toBeUndefined();
  });

  it("keeps the challenge's hash, never the challenge", () => {
    expect(JSON.stringify(session)).not.toContain("challenge-a");
  });
});

describe("a link waiting for the account's password", () => {
  const link = { provider: "corp", upstreamSubject: "up-1", userId: "u1", email: "a@example.com", acr: "0", amr: ["pwd"] };
  const session = withUpstreamLink(withUpstreamStart(newFlowSession(), "c", "corp", checks, now), "c", link, now);

  it("replaces the upstream's checks and belongs to its challenge only", () => {
    expect(session.upstream).toBeUndefined();
    expect(upstreamLinkPending(session, "c", now + 1)).toEqual(link);
    expect(upstreamLinkPending(session, "other", now + 1)).toBeUndefined();
    expect(upstreamLinkPending(session, "c", now + upstreamForMs)).toBeUndefined();
  });
});
