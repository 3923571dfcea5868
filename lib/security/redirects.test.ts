import { describe, expect, it } from "vitest";
import { isHydraRedirect } from "./redirects";

describe("isHydraRedirect", () => {
  const hydra = "http://localhost:4444";

  it("accepts URLs on Hydra's public origin", () => {
    expect(isHydraRedirect("http://localhost:4444/oauth2/auth?login_verifier=x", hydra)).toBe(true);
  });

  it("refuses other origins, schemes and garbage", () => {
    expect(isHydraRedirect("http://localhost:4445/admin", hydra)).toBe(false);
    expect(isHydraRedirect("https://localhost:4444/oauth2/auth", hydra)).toBe(false);
    expect(isHydraRedirect("http://evil.example/?http://localhost:4444", hydra)).toBe(false);
    expect(isHydraRedirect("javascript:alert(1)", hydra)).toBe(false);
    expect(isHydraRedirect("/relative", hydra)).toBe(false);
  });
});
