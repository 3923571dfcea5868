import type { OAuth2Client } from "@ory/client-fetch";
import { describe, expect, it } from "vitest";
import { previewClientPatch } from "./json-patch";

const client: OAuth2Client = {
  client_id: "c1",
  client_name: "Shop",
  redirect_uris: ["https://shop.example/cb"],
  metadata: { team: "a" },
  created_at: new Date("2025-01-01T00:00:00Z"),
};
const patch = (operations: unknown) => previewClientPatch(JSON.stringify(operations), client);

describe("previewClientPatch", () => {
  it("applies the operations to a copy and returns both", () => {
    const operations = [
      { op: "replace", path: "/client_name", value: "Shop 2" },
      { op: "add", path: "/redirect_uris/-", value: "https://shop.example/cb2" },
      { op: "remove", path: "/metadata/team" },
      { op: "test", path: "/client_name", value: "Shop 2" },
      { op: "copy", from: "/client_name", path: "/owner" },
    ];
    const preview = patch(operations);
    expect(preview).toEqual({
      ok: true,
      operations,
      result: {
        client_id: "c1",
        client_name: "Shop 2",
        owner: "Shop 2",
        redirect_uris: ["https://shop.example/cb", "https://shop.example/cb2"],
        metadata: {},
        created_at: "2025-01-01T00:00:00.000Z",
      },
    });
    expect(client.client_name).toBe("Shop");
    expect(client.redirect_uris).toHaveLength(1);
  });

  it("keeps null as a value", () => {
    expect(patch([{ op: "add", path: "/logo_uri", value: null }])).toMatchObject({ ok: true, result: { logo_uri: null } });
  });

  it.each([
    [{ op: "replace", path: "/client_id", value: "other" }, "client_id"],
    [{ op: "add", path: "/client_secret", value: "x".repeat(40) }, "client_secret"],
    [{ op: "test", path: "/client_secret", value: "$pbkdf2..." }, "client_secret"],
    [{ op: "copy", from: "/client_secret", path: "/client_name" }, "client_secret"],
    [{ op: "move", from: "/client_id", path: "/owner" }, "client_id"],
    [{ op: "remove", path: "/created_at" }, "created_at"],
    [{ op: "replace", path: "/updated_at/x", value: 1 }, "updated_at"],
    [{ op: "replace", path: "", value: {} }, undefined],
  ])("refuses %j as touching a protected field", (operation, field) => {
    expect(patch([{ op: "test", path: "/client_name", value: "Shop" }, operation])).toEqual({
      ok: false,
      error: "admin.patch.errors.protectedField",
      ...(field ? { detail: field } : {}),
    });
  });

  it.each([
    ["not JSON", "[{", "admin.patch.errors.json", undefined],
    ["an object", '{"op":"remove","path":"/x"}', "admin.patch.errors.notArray", undefined],
    ["nothing to do", "[]", "admin.patch.errors.empty", undefined],
    ["an unknown op", '[{"op":"_get","path":"/client_name"}]', "admin.patch.errors.operation", "0"],
    ["a relative path", '[{"op":"remove","path":"client_name"}]', "admin.patch.errors.operation", "0"],
    ["a bad escape", '[{"op":"remove","path":"/a~2b"}]', "admin.patch.errors.operation", "0"],
    ["an add without value", '[{"op":"remove","path":"/owner"},{"op":"add","path":"/owner"}]', "admin.patch.errors.operation", "1"],
    ["a move without from", '[{"op":"move","path":"/owner"}]', "admin.patch.errors.operation", "0"],
    ["a missing path", '[{"op":"remove","path":"/nope/deeper"}]', "admin.patch.errors.pathNotFound", "0"],
    ["a failed test", '[{"op":"test","path":"/client_name","value":"Other"}]', "admin.patch.errors.testFailed", "0"],
    ["a missing path after a good operation", '[{"op":"test","path":"/client_name","value":"Shop"},{"op":"remove","path":"/nope"}]', "admin.patch.errors.pathNotFound", "1"],
    ["a missing source", '[{"op":"test","path":"/client_name","value":"Shop"},{"op":"copy","from":"/nope","path":"/owner"}]', "admin.patch.errors.pathNotFound", "1"],
    ["an array index past the end", '[{"op":"test","path":"/client_name","value":"Shop"},{"op":"add","path":"/redirect_uris/5","value":"x"}]', "admin.patch.errors.failed", "1"],
    ["prototype pollution", '[{"op":"add","path":"/__proto__/polluted","value":true}]', "admin.patch.errors.failed", "0"],
    ["too many operations", JSON.stringify(Array(101).fill({ op: "test", path: "/client_id", value: "c1" })), "admin.patch.errors.tooMany", undefined],
    ["a huge paste", `[${" ".repeat(70_000)}]`, "admin.patch.errors.tooLarge", undefined],
  ])("refuses %s", (_, text, error, detail) => {
    const preview = previewClientPatch(text, client);
    expect(preview).toMatchObject({ ok: false, error });
    if (detail !== undefined) expect(preview).toMatchObject({ detail });
  });

  it("leaves Object.prototype alone", () => {
    patch([{ op: "add", path: "/__proto__/polluted", value: true }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
