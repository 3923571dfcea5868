import { describe, expect, it } from "vitest";
import { csrfToken, isCrossSitePost, verifyCsrfToken } from "./csrf";

const key = "k".repeat(32);

describe("csrf tokens", () => {
  const token = csrfToken(key, "session-1", "login", "challenge-a");

  it("accepts the token of the same session, purpose and challenge", () => {
    expect(verifyCsrfToken(key, "session-1", "login", "challenge-a", token)).toBe(true);
  });

  it("refuses a token from another challenge, session, purpose or key", () => {
    expect(verifyCsrfToken(key, "session-1", "login", "challenge-b", token)).toBe(false);
    expect(verifyCsrfToken(key, "session-2", "login", "challenge-a", token)).toBe(false);
    expect(verifyCsrfToken(key, "session-1", "consent", "challenge-a", token)).toBe(false);
    expect(verifyCsrfToken("x".repeat(32), "session-1", "login", "challenge-a", token)).toBe(false);
  });

  it("refuses empty and malformed tokens", () => {
    expect(verifyCsrfToken(key, "session-1", "login", "challenge-a", "")).toBe(false);
    expect(verifyCsrfToken(key, "session-1", "login", "challenge-a", `${token}x`)).toBe(false);
  });
});

describe("cross-site posts", () => {
  const app = "http://localhost:3000";
  const headers = (init: Record<string, string>) => new Headers(init);

  it("allows same-origin posts", () => {
    expect(isCrossSitePost(headers({ "sec-fetch-site": "same-origin" }), app)).toBe(false);
    expect(isCrossSitePost(headers({ origin: app }), app)).toBe(false);
    expect(isCrossSitePost(headers({}), app)).toBe(false);
  });

  it("refuses cross-site and same-site-but-other-origin posts", () => {
    expect(isCrossSitePost(headers({ "sec-fetch-site": "cross-site" }), app)).toBe(true);
    expect(isCrossSitePost(headers({ "sec-fetch-site": "same-site" }), app)).toBe(true);
    expect(isCrossSitePost(headers({ origin: "http://evil.example" }), app)).toBe(true);
    expect(isCrossSitePost(headers({ origin: "null" }), app)).toBe(true);
  });
});
