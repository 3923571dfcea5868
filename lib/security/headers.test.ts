import { describe, expect, it } from "vitest";
import { formActionSources, securityHeaders } from "./headers";

describe("securityHeaders", () => {
  const base = { nonce: "abc123", formTargets: ["http://localhost:4444"] };

  it("runs no script at all, and styles only from us or with the request's nonce", () => {
    const csp = securityHeaders({ ...base, https: false })["Content-Security-Policy"];
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("style-src 'self' 'nonce-abc123'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("runs a script only on a page that carries the passkey script, and only by the request's nonce", () => {
    const csp = securityHeaders({ ...base, https: false, passkeyScript: true })["Content-Security-Policy"];
    expect(csp).toContain("script-src 'nonce-abc123'");
    expect(csp).not.toContain("script-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*('self'|'unsafe-inline'|'unsafe-eval'|'strict-dynamic'|\*)/);
    expect(securityHeaders({ ...base, https: false, passkeyScript: false })["Content-Security-Policy"]).toContain("script-src 'none'");
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

describe("formActionSources", () => {
  it("reduces URLs to origins, once each", () => {
    expect(formActionSources(["http://localhost:4444/oauth2/auth", "https://rp.example/cb?x=1", "https://rp.example/other"])).toEqual([
      "http://localhost:4444",
      "https://rp.example",
    ]);
  });

  it("keeps custom schemes of native apps as scheme sources", () => {
    expect(formActionSources(["com.example.app:/callback"])).toEqual(["com.example.app:"]);
  });

  it("drops garbage that could break out of the header", () => {
    expect(formActionSources(["not a url", "https://a.example; script-src *", "javascript:alert(1)", "data:text/html,x"])).toEqual([]);
  });
});
