import { describe, expect, it } from "vitest";
import { auditQuerySchema } from "./admin-input";

describe("auditQuerySchema", () => {
  it.each([
    [{}, undefined],
    [{ before: "42" }, 42],
    [{ before: "-1" }, undefined],
    [{ before: "x" }, undefined],
    [{ before: ["1", "2"] }, undefined],
  ])("%j reads before as %s", (query, before) => {
    expect(auditQuerySchema.parse(query).before).toBe(before);
  });
});
