import { describe, expect, it } from "vitest";
import { isHydraRedirect, resolveHydraRedirect, safeHttpUrl } from "./redirects";

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

describe("safeHttpUrl", () => {
  it("keeps http and https URLs", () => {
    expect(safeHttpUrl("https://example.com/logo.png")).toBe("https://example.com/logo.png");
  });

  it("drops other schemes, garbage and empty values", () => {
    expect(safeHttpUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeHttpUrl("data:image/svg+xml,<svg/>")).toBeUndefined();
    expect(safeHttpUrl("not a url")).toBeUndefined();
    expect(safeHttpUrl(undefined)).toBeUndefined();
  });
});

describe("resolveHydraRedirect", () => {
  const hydra = "http://localhost:4444";

  it("resolves Hydra's path-only request_url against its public URL", () => {
    expect(resolveHydraRedirect("/oauth2/sessions/logout?state=x", hydra)).toBe("http://localhost:4444/oauth2/sessions/logout?state=x");
  });

  it("refuses targets that resolve elsewhere", () => {
    expect(resolveHydraRedirect("//evil.example/x", hydra)).toBeUndefined();
    expect(resolveHydraRedirect("https://evil.example/x", hydra)).toBeUndefined();
  });
});
