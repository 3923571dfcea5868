import { describe, expect, it } from "vitest";
import { adminMessageKeys } from "./message-keys";

describe("adminMessageKeys", () => {
  it("are distinct dotted keys under admin.", () => {
    expect(new Set(adminMessageKeys).size).toBe(adminMessageKeys.length);
    for (const key of adminMessageKeys) expect(key).toMatch(/^admin\.[a-z]+\.([a-z]+\.)?[a-z][A-Za-z]+$/);
  });
});
