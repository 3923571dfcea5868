import { describe, expect, it } from "vitest";
import { securityHeaders } from "./headers";

describe("securityHeaders", () => {
  const base = { nonce: "abc123", hydraPublicUrl: "http://localhost:4444/" };

  it("allows scripts only with the request's nonce", () => {
    const csp = securityHeaders({ ...base, https: false })["Content-Security-Policy"];
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("forbids framing and limits form targets to us and Hydra", () => {
    const csp = securityHeaders({ ...base, https: false })["Content-Security-Policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' http://localhost:4444");
  });

  it("keeps challenges out of the Referer header", () => {
    expect(securityHeaders({ ...base, https: false })["Referrer-Policy"]).toBe("no-referrer");
  });

  it("sends HSTS only over https", () => {
    expect(securityHeaders({ ...base, https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ ...base, https: true })).toHaveProperty("Strict-Transport-Security");
  });
});
