import { describe, expect, it } from "vitest";
import { lifespanFields } from "@/lib/admin/lifespans";
import { clientIdQuerySchema, clientLifespansFormSchema, clientPatchFormSchema } from "./admin-patch";

describe("clientIdQuerySchema", () => {
  it.each([
    [{ id: "app-1" }, "app-1"],
    [{ id: "  app-1 " }, "app-1"],
    [{}, undefined],
    [{ id: "" }, undefined],
    [{ id: "   " }, undefined],
    [{ id: ["a", "b"] }, undefined],
    [{ id: "x".repeat(256) }, undefined],
  ])("%j reads the client id as %s", (query, id) => {
    expect(clientIdQuerySchema.parse(query).id).toBe(id);
  });
});

describe("clientPatchFormSchema", () => {
  it("keeps the patch text as typed, for previewClientPatch to judge", () => {
    const patch = '[{"op":"replace","path":"/client_name","value":"x"}]\n';
    expect(clientPatchFormSchema.parse({ csrf: "t", id: "app", patch })).toEqual({ csrf: "t", id: "app", patch });
  });

  it("reads a missing patch as empty, which the preview refuses in words", () => {
    expect(clientPatchFormSchema.parse({ csrf: "t", id: "app" }).patch).toBe("");
  });

  it.each([
    ["no client id", { csrf: "t", patch: "[]" }],
    ["an empty client id", { csrf: "t", id: " ", patch: "[]" }],
    ["a repeated patch field", { csrf: "t", id: "app", patch: null }],
    ["a patch over 16 KiB", { csrf: "t", id: "app", patch: "x".repeat(16 * 1024 + 1) }],
  ])("refuses %s", (_, form) => {
    expect(clientPatchFormSchema.safeParse(form).success).toBe(false);
  });
});

describe("clientLifespansFormSchema", () => {
  const access = "authorization_code_grant_access_token_lifespan";

  it("keeps every lifespan's number and unit as typed, and drops other fields", () => {
    const form = clientLifespansFormSchema.parse({ csrf: "t", id: "app", [access]: "abc", [`${access}_unit`]: "w", other: "x" });
    expect(form).toEqual({ csrf: "t", id: "app", [access]: "abc", [`${access}_unit`]: "w" });
  });

  it("knows a number and a unit field for each of the ten lifespans", () => {
    const all = Object.fromEntries(lifespanFields.flatMap((field) => [[field, "1"], [`${field}_unit`, "h"]]));
    expect(Object.keys(clientLifespansFormSchema.parse({ csrf: "t", id: "app", ...all }))).toHaveLength(22);
  });

  it.each([
    ["no client id", { csrf: "t" }],
    ["an overlong number", { csrf: "t", id: "app", [access]: "1".repeat(21) }],
    ["a repeated unit", { csrf: "t", id: "app", [`${access}_unit`]: null }],
  ])("refuses %s", (_, form) => {
    expect(clientLifespansFormSchema.safeParse(form).success).toBe(false);
  });
});
