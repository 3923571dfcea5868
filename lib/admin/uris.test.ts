import { describe, expect, it } from "vitest";
import { corsOrigin, hydraSiteKey, isHttpUrl, redirectUriProblem } from "./uris";

describe("redirectUriProblem", () => {
  it.each([
    ["https://app.example.com/callback", undefined],
    ["https://app.example.com", undefined],
    ["http://localhost:3000/cb", undefined],
    ["http://127.0.0.1:8080/cb", undefined],
    ["http://[::1]:8080/cb", undefined],
    ["http://app.example.com/cb", "https"],
    ["http://localhost.evil.example/cb", "https"],
    ["http://localhost@evil.example/cb", "credentials"],
    ["https://user:pw@app.example.com/cb", "credentials"],
    ["https://app.example.com/cb#x", "fragment"],
    ["https://app.example.com/cb#", "fragment"],
    ["/callback", "invalid"],
    ["app.example.com/callback", "invalid"],
    ["https://app.example.com\\@evil.example", "invalid"],
    ["javascript:alert(1)", "https"],
    ["data:text/html,hi", "https"],
    ["ftp://app.example.com/cb", "https"],
  ])("%s → %s", (uri, problem) => {
    expect(redirectUriProblem(uri, { allowPrivateUseScheme: false })).toBe(problem);
  });

  it("accepts a native app's reverse-domain scheme only where allowed", () => {
    expect(redirectUriProblem("com.example.app:/oauth2redirect", { allowPrivateUseScheme: true })).toBeUndefined();
    expect(redirectUriProblem("com.example.app:/oauth2redirect", { allowPrivateUseScheme: false })).toBe("https");
    expect(redirectUriProblem("myapp:/cb", { allowPrivateUseScheme: true })).toBe("https");
  });
});

describe("isHttpUrl", () => {
  it.each([
    ["https://example.com/logo.png", true],
    ["http://example.com/tos", true],
    ["javascript:alert(1)", false],
    ["data:image/png;base64,AAAA", false],
    ["//example.com/logo.png", false],
    ["https://u:p@example.com/", false],
  ])("%s → %s", (url, ok) => {
    expect(isHttpUrl(url)).toBe(ok);
  });
});

describe("corsOrigin", () => {
  it.each([
    ["https://app.example.com", "https://app.example.com"],
    ["https://App.Example.com:443/", "https://app.example.com"],
    ["http://localhost:3000", "http://localhost:3000"],
    ["https://app.example.com/path", undefined],
    ["https://app.example.com/.", undefined],
    ["https://app.example.com?x=1", undefined],
    ["https://app.example.com#x", undefined],
    ["https://u@app.example.com", undefined],
    ["app.example.com", undefined],
    ["file:///etc", undefined],
  ])("%s → %s", (text, origin) => {
    expect(corsOrigin(text)).toBe(origin);
  });
});

describe("hydraSiteKey", () => {
  it("compares as Hydra does: scheme case-insensitive, host and port as written", () => {
    expect(hydraSiteKey("HTTPS://app.example.com/a")).toBe(hydraSiteKey("https://app.example.com/b?x"));
    expect(hydraSiteKey("https://app.example.com:443/")).not.toBe(hydraSiteKey("https://app.example.com/"));
    expect(hydraSiteKey("com.example.app:/cb")).toBe("com.example.app://");
  });
});
