// The default export: Node's CommonJS build has no named applyPatch for an ES import to find.
import jsonPatch, { type Operation } from "fast-json-patch";
import { z } from "zod";

export const jsonPatchMessageKeys = [
  "admin.patch.errors.tooLarge",
  "admin.patch.errors.json",
  "admin.patch.errors.notArray",
  "admin.patch.errors.empty",
  "admin.patch.errors.tooMany",
  "admin.patch.errors.operation",
  "admin.patch.errors.protectedField",
  "admin.patch.errors.pathNotFound",
  "admin.patch.errors.testFailed",
  "admin.patch.errors.failed",
] as const;
export type JsonPatchMessageKey = (typeof jsonPatchMessageKeys)[number];

export type PatchPreview =
  | { ok: true; operations: Operation[]; result: Record<string, unknown> }
  | { ok: false; error: JsonPatchMessageKey; detail?: string };

/**
 * Fields a patch may neither write, remove, move, test nor copy from. Hydra itself
 * guards only "/id" (client/handler.go), a path its JSON does not even have; and it
 * applies the patch to the stored client, hashed secret included, so a `copy` from
 * /client_secret would publish the hash and a `test` on it would be an oracle.
 */
export const protectedClientFields = ["client_id", "client_secret", "created_at", "updated_at"] as const;

const maxPatchText = 64 * 1024;
const maxOperations = 100;

// RFC 6901: "" or "/"-separated reference tokens in which "~" only starts ~0 or ~1.
const pointer = z.string().regex(/^(\/([^~]|~[01])*)*$/);
const operationSchema = z.discriminatedUnion("op", [
  z.object({ op: z.enum(["add", "replace", "test"]), path: pointer, value: z.unknown() }),
  z.object({ op: z.literal("remove"), path: pointer }),
  z.object({ op: z.enum(["move", "copy"]), path: pointer, from: pointer }),
]);

/**
 * Checks a JSON Patch (RFC 6902) typed by hand and applies it to a copy of the
 * client, so the console can show the result before sending the same operations to Hydra.
 */
export function previewClientPatch(text: string, client: object): PatchPreview {
  if (text.length > maxPatchText) return { ok: false, error: "admin.patch.errors.tooLarge" };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: "admin.patch.errors.json" };
  }
  if (!Array.isArray(raw)) return { ok: false, error: "admin.patch.errors.notArray" };
  if (raw.length === 0) return { ok: false, error: "admin.patch.errors.empty" };
  if (raw.length > maxOperations) return { ok: false, error: "admin.patch.errors.tooMany" };

  const operations: Operation[] = [];
  for (const [index, item] of raw.entries()) {
    const parsed = operationSchema.safeParse(item);
    // RFC 6902 §4.1: "value" is required, and JSON null is a value; zod alone would let a missing one through.
    const valueMissing = parsed.success && "value" in parsed.data && !Object.hasOwn(item as object, "value");
    if (!parsed.success || valueMissing) return { ok: false, error: "admin.patch.errors.operation", detail: String(index) };
    const touched = [parsed.data.path, "from" in parsed.data ? parsed.data.from : undefined].map(topLevelField);
    const guarded = touched.find((field) => field !== undefined && (field === "" || isProtected(field)));
    if (guarded !== undefined) return { ok: false, error: "admin.patch.errors.protectedField", ...(guarded ? { detail: guarded } : {}) };
    operations.push(parsed.data as Operation);
  }

  // JSON round trip: dates become the strings Hydra's JSON has, and the caller's client stays untouched.
  let document = JSON.parse(JSON.stringify(client)) as Record<string, unknown>;
  // One operation at a time: applyPatch's path checks report index 0 whichever operation failed.
  for (const [index, operation] of operations.entries()) {
    try {
      document = jsonPatch.applyOperation(document, operation, true, true, true, index).newDocument;
    } catch (error) {
      return patchFailure(error, index);
    }
  }
  return { ok: true, operations, result: document };
}

/** Why an operation could not be applied; `detail` is its index in the patch. */
function patchFailure(error: unknown, index: number): PatchPreview {
  const detail = String(index);
  if (error instanceof jsonPatch.JsonPatchError) {
    if (error.name === "TEST_OPERATION_FAILED") return { ok: false, error: "admin.patch.errors.testFailed", detail };
    if (error.name.endsWith("_UNRESOLVABLE")) return { ok: false, error: "admin.patch.errors.pathNotFound", detail };
  }
  // Anything else, e.g. an array index out of bounds, or fast-json-patch's refusal to write __proto__.
  return { ok: false, error: "admin.patch.errors.failed", detail };
}

/** The first reference token, unescaped; "" for the whole document; undefined when there is no pointer. */
function topLevelField(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  if (path === "") return "";
  const token = path.split("/")[1] ?? "";
  return token.replaceAll("~1", "/").replaceAll("~0", "~");
}

function isProtected(field: string): boolean {
  return (protectedClientFields as readonly string[]).includes(field);
}
