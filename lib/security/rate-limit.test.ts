import { describe, expect, it } from "vitest";
import { MemoryFailureStore, clientAddress, nextFailure, retryAfterSeconds, throttleKeys } from "./rate-limit";

const throttle = { threshold: 3, baseSeconds: 2, maxSeconds: 60, windowSeconds: 600 };
const t0 = 1_000_000;

describe("retryAfterSeconds", () => {
  it("allows attempts below the threshold", () => {
    expect(retryAfterSeconds(undefined, t0, throttle)).toBe(0);
    expect(retryAfterSeconds({ count: 2, lastAt: t0 }, t0, throttle)).toBe(0);
  });

  it("doubles the wait with each failure past the threshold, up to the maximum", () => {
    expect(retryAfterSeconds({ count: 3, lastAt: t0 }, t0, throttle)).toBe(2);
    expect(retryAfterSeconds({ count: 4, lastAt: t0 }, t0, throttle)).toBe(4);
    expect(retryAfterSeconds({ count: 5, lastAt: t0 }, t0, throttle)).toBe(8);
    expect(retryAfterSeconds({ count: 50, lastAt: t0 }, t0, throttle)).toBe(60);
  });

  it("counts the time already waited", () => {
    expect(retryAfterSeconds({ count: 5, lastAt: t0 }, t0 + 5_000, throttle)).toBe(3);
    expect(retryAfterSeconds({ count: 5, lastAt: t0 }, t0 + 9_000, throttle)).toBe(0);
  });
});

describe("nextFailure", () => {
  it("counts up within the window and starts afresh after it", () => {
    expect(nextFailure(undefined, t0, throttle)).toEqual({ count: 1, lastAt: t0 });
    expect(nextFailure({ count: 4, lastAt: t0 }, t0 + 1000, throttle)).toEqual({ count: 5, lastAt: t0 + 1000 });
    expect(nextFailure({ count: 4, lastAt: t0 }, t0 + 600_000, throttle)).toEqual({ count: 1, lastAt: t0 + 600_000 });
  });
});

describe("throttleKeys", () => {
  it("keys accounts by normalised email, so case tricks share one counter", () => {
    expect(throttleKeys(" Foo@Bar.com ", "1.2.3.4")).toEqual({ account: "account:foo@bar.com", address: "address:1.2.3.4" });
  });
});

describe("MemoryFailureStore", () => {
  it("stores, reads and forgets records", async () => {
    const store = new MemoryFailureStore();
    await store.put("k", { count: 1, lastAt: t0 });
    expect(await store.get("k")).toEqual({ count: 1, lastAt: t0 });
    await store.remove("k");
    expect(await store.get("k")).toBeUndefined();
  });
});

describe("clientAddress", () => {
  it("takes the entry the nearest trusted proxy added", () => {
    expect(clientAddress("203.0.113.9", 0)).toBe("203.0.113.9");
    expect(clientAddress("198.51.100.1, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("forged, 198.51.100.1, 203.0.113.9", 2)).toBe("198.51.100.1");
  });

  it("falls back when the header is missing or shorter than the proxy chain", () => {
    expect(clientAddress(null, 0)).toBe("unknown");
    expect(clientAddress("203.0.113.9", 3)).toBe("203.0.113.9");
  });
});
