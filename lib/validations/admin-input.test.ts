import { describe, expect, it } from "vitest";
import { auditQuerySchema, consolePathSchema } from "./admin-input";

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

describe("consolePathSchema", () => {
  it.each([
    ["/admin/clients?client_name=a%20b&page_token=x", "/admin/clients?client_name=a%20b&page_token=x"],
    ["/admin", "/admin"],
    ["//evil.example/admin", "/admin"],
    ["https://evil.example/admin", "/admin"],
    ["/account", "/admin"],
    ["/admin/../login", "/admin"],
    [undefined, "/admin"],
    [["/admin/a", "/admin/b"], "/admin"],
  ])("%j goes back to %s", (to, path) => {
    expect(consolePathSchema.parse(to)).toBe(path);
  });
});
