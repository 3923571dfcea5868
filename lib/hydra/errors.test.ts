import { ResponseError } from "@ory/client-fetch";
import { describe, expect, it } from "vitest";
import { HydraError, classifyHydraError, errorDetail, isConflict, unlessNotFound } from "./errors";

// Bodies as Hydra v2.3.0 writes them (x/error_enhancer.go; client/.snapshots; ory/x sqlcon).
const invalidClient = {
  error: "invalid_client_metadata",
  error_description:
    "The value of one of the Client Metadata fields is invalid and the server has rejected this request. Note that an Authorization Server MAY choose to substitute a valid value for any requested parameter of a Client's Metadata. Field client_secret must contain a secret that is at least 6 characters long.",
};
const notFound = { error: "Unable to locate the resource", error_description: "" };
const conflict = { error: "Unable to insert or update resource because a resource with that value exists already", error_description: "" };

const answer = (status: number, body: unknown) =>
  new ResponseError(new Response(typeof body === "string" ? body : JSON.stringify(body), { status }), "Response returned an error code");

describe("errorDetail", () => {
  it("keeps Hydra's error and description", () => {
    expect(errorDetail(invalidClient)).toEqual({ error: "invalid_client_metadata", description: invalidClient.error_description });
  });

  it("leaves out an empty description and ignores what is not text", () => {
    expect(errorDetail(notFound)).toEqual({ error: "Unable to locate the resource" });
    expect(errorDetail({ error: 42, error_description: ["x"] })).toBeUndefined();
    expect(errorDetail(null)).toBeUndefined();
    expect(errorDetail("Internal Server Error")).toBeUndefined();
  });

  it("caps long text at 500 characters", () => {
    const detail = errorDetail({ error: "x", error_description: "y".repeat(10_000) });
    expect(detail?.description).toHaveLength(500);
    expect(detail?.description?.endsWith("…")).toBe(true);
  });
});

describe("classifyHydraError", () => {
  it("keeps the failure kinds the flows rely on and adds Hydra's words and status", async () => {
    const refused = await classifyHydraError(answer(400, invalidClient));
    expect(refused.failure).toEqual({ kind: "invalid" });
    expect(refused.detail?.error).toBe("invalid_client_metadata");
    expect(refused.status).toBe(400);

    const taken = await classifyHydraError(answer(409, conflict));
    expect(taken.failure).toEqual({ kind: "expired" });
    expect(taken.detail).toEqual({ error: conflict.error });
    expect(isConflict(taken)).toBe(true);
    expect(isConflict(await classifyHydraError(answer(401, { error: "request_unauthorized" })))).toBe(false);
  });

  it("has no detail when Hydra's body is not JSON, or Hydra did not answer", async () => {
    const broken = await classifyHydraError(answer(502, "<html>Bad Gateway</html>"));
    expect(broken.failure).toEqual({ kind: "unavailable" });
    expect(broken.detail).toBeUndefined();
    const timeout = await classifyHydraError(Object.assign(new Error("t"), { name: "TimeoutError" }));
    expect(timeout.status).toBeUndefined();
    expect(timeout.detail).toBeUndefined();
  });
});

describe("unlessNotFound", () => {
  it("turns only a 404 into undefined", async () => {
    await expect(unlessNotFound(Promise.reject(new HydraError({ kind: "not_found" })))).resolves.toBeUndefined();
    await expect(unlessNotFound(Promise.resolve(1))).resolves.toBe(1);
    await expect(unlessNotFound(Promise.reject(new HydraError({ kind: "unavailable" })))).rejects.toBeInstanceOf(HydraError);
  });
});
