import { describe, expect, it } from "vitest";
import { HydraError } from "@/lib/hydra/errors";
import { hydraRefusal } from "./hydra-refusal";

describe("hydraRefusal", () => {
  it("gives Hydra's description of a refusal, else its error code", () => {
    expect(hydraRefusal(new HydraError({ kind: "invalid" }, { error: "invalid_grant", description: "The refresh token was revoked." }, 400))).toBe("The refresh token was revoked.");
    expect(hydraRefusal(new HydraError({ kind: "expired" }, { error: "invalid_client" }, 401))).toBe("invalid_client");
    expect(hydraRefusal(new HydraError({ kind: "invalid" }, undefined, 400))).toBe("HTTP 400");
  });

  it("keeps throwing what is not a refusal in words: an outage, a 5xx, a bug", () => {
    const outage = new HydraError({ kind: "unavailable" });
    expect(() => hydraRefusal(outage)).toThrow(outage);
    expect(() => hydraRefusal(new HydraError({ kind: "unavailable" }, { description: "db down" }, 500))).toThrow(HydraError);
    expect(() => hydraRefusal(new TypeError("bug"))).toThrow(TypeError);
  });
});
