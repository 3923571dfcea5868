import { describe, expect, it } from "vitest";
import { acceptedRequestId, currentRequestId, inRequestContext, requestIdFrom } from "./request-context";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("request ids", () => {
  it.each([
    "7d8e6c9a-3b1f-4c2d-9e8f-0a1b2c3d4e5f",
    "01JD7Q9ZK3M4N5P6Q7R8S9T0VW",
    "Root=1-67891233-abcdef012345678912345678",
    "a1b2c3.d4_e5:f6+g7/h8==",
    "x".repeat(128),
  ])("keeps a well-formed id from the caller: %s", (id) => {
    expect(acceptedRequestId(id)).toBe(id);
    expect(requestIdFrom(id)).toBe(id);
  });

  it.each([
    ["empty", ""],
    ["too long", "x".repeat(129)],
    ["a space", "abc def"],
    ["a line break that could forge a log line", 'abc\n{"level":"info"}'],
    ["quotes", 'abc"def'],
    ["a repeated header joined by Node", "abc, def"],
    ["non-ASCII", "äbc"],
    ["a control character", "abc\u0000"],
  ])("replaces an id with %s", (_, id) => {
    expect(acceptedRequestId(id)).toBeUndefined();
    expect(requestIdFrom(id)).toMatch(uuid);
  });

  it("makes a new UUID when there is none, or several", () => {
    expect(requestIdFrom(undefined)).toMatch(uuid);
    expect(requestIdFrom(["a", "b"])).toMatch(uuid);
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});

describe("the request's context", () => {
  it("follows the request through awaits and timers, and only that request", async () => {
    const seen = await Promise.all(
      ["first", "second"].map((requestId) =>
        inRequestContext({ requestId }, async () => {
          await new Promise((resolve) => setTimeout(resolve, requestId === "first" ? 20 : 1));
          await Promise.resolve();
          return currentRequestId();
        }),
      ),
    );
    expect(seen).toEqual(["first", "second"]);
  });

  it("is empty outside a request", () => {
    expect(currentRequestId()).toBeUndefined();
  });
});
