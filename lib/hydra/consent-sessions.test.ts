import { describe, expect, it } from "vitest";
import { consentPageToken } from "./consent-sessions";

describe("consentPageToken", () => {
  it("makes the offset tokens Hydra v2.3.0 issues for this endpoint", () => {
    // As seen in Hydra's own Link header: {"offset":"2","v":2} in base64url.
    expect(consentPageToken(2)).toBe("eyJvZmZzZXQiOiIyIiwidiI6Mn0");
    expect(JSON.parse(Buffer.from(consentPageToken(500), "base64url").toString())).toEqual({ offset: "500", v: 2 });
  });
});
