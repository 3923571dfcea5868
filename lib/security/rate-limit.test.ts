import { describe, expect, it } from "vitest";
import { accountThrottle, addressThrottle, clientAddress, throttleKeys, waitAfterFailures } from "./rate-limit";

const throttle = { threshold: 3, baseSeconds: 2, maxSeconds: 60, windowSeconds: 600 };

describe("waitAfterFailures", () => {
  it("allows attempts below the threshold", () => {
    expect(waitAfterFailures(0, throttle)).toBe(0);
    expect(waitAfterFailures(2, throttle)).toBe(0);
  });

  it("doubles the wait with each failure past the threshold, up to the maximum", () => {
    expect(waitAfterFailures(3, throttle)).toBe(2);
    expect(waitAfterFailures(4, throttle)).toBe(4);
    expect(waitAfterFailures(5, throttle)).toBe(8);
    expect(waitAfterFailures(50, throttle)).toBe(60);
  });

  it("keeps today's limits: five failures per account, twenty per address, two seconds doubling to fifteen minutes", () => {
    expect(waitAfterFailures(4, accountThrottle)).toBe(0);
    expect(waitAfterFailures(5, accountThrottle)).toBe(2);
    expect(waitAfterFailures(19, addressThrottle)).toBe(0);
    expect(waitAfterFailures(20, addressThrottle)).toBe(2);
    expect(waitAfterFailures(1000, accountThrottle)).toBe(15 * 60);
    expect(accountThrottle.windowSeconds).toBe(15 * 60);
  });
});

describe("throttleKeys", () => {
  it("keys accounts by normalised email, so case tricks share one counter", () => {
    expect(throttleKeys(" Foo@Bar.com ", "1.2.3.4")).toEqual({ account: "account:foo@bar.com", address: "address:1.2.3.4" });
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
