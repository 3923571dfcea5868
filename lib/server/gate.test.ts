import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type LoginForm, loginFormSchema } from "@/lib/validations/flow-input";
import { type FlowSession, formToken } from "@/lib/security/flow-session";
import { type FormPost, type FormSpec, checkFormPost, maxFormBytes } from "./gate";

// Tokens are keyed with the configured session secret.
process.env.SESSION_SECRET ??= "gate-test-secret-".repeat(3);

const appOrigin = "http://localhost:3000";
const session: FlowSession = { id: "browser-session-0001" };
const challenge = "login-challenge";
const loginForm: FormSpec<ReturnType<typeof loginFormSchema.parse>> = {
  schema: loginFormSchema,
  purpose: "login",
  signInEmail: (form) => (form.action === "accept" ? form.email : undefined),
};

function post(body: string | string[], headers: Record<string, string> = {}, method = "POST"): FormPost {
  const chunks = Array.isArray(body) ? body : [body];
  return {
    method,
    headers: new Headers({ "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin", ...headers }),
    body: async function* () {
      yield* chunks;
    },
  };
}

const fields = (values: Record<string, string>) => new URLSearchParams({ challenge, csrf: formToken(session, "login", challenge), action: "accept", email: "a@b.c", password: "pw", ...values }).toString();
const deps = { appOrigin, session, binding: (form: LoginForm) => form.challenge, signInRetryAfter: async () => 0 };
const check = (request: FormPost, overrides: Partial<typeof deps> = {}) => checkFormPost(request, loginForm, { ...deps, ...overrides });

describe("checkFormPost", () => {
  it("passes a same-origin post with this browser's token, parsed once", async () => {
    const result = await check(post(fields({})));
    expect(result).toMatchObject({ kind: "pass", form: { challenge, action: "accept", email: "a@b.c" }, session });
  });

  it.each([
    ["a GET", post(fields({}), {}, "GET"), "method_not_allowed"],
    ["a cross-site post", post(fields({}), { "sec-fetch-site": "cross-site" }), "forbidden"],
    ["a foreign Origin without fetch metadata", post(fields({}), { "sec-fetch-site": "", origin: "https://evil.example" }), "forbidden"],
    ["a declared size over the limit", post(fields({}), { "content-length": String(maxFormBytes + 1) }), "too_large"],
    ["a chunked body over the limit", post(["a=".padEnd(maxFormBytes, "x"), "yy"]), "too_large"],
    ["JSON", post("{}", { "content-type": "application/json" }), "unsupported_media"],
    ["a repeated field", post(`${fields({})}&challenge=other`), "invalid_request"],
    ["a malformed challenge", post(fields({ challenge: "<script>" })), "invalid_request"],
    ["a missing token", post(new URLSearchParams({ challenge, action: "accept" }).toString()), "forbidden"],
    ["another challenge's token", post(fields({ csrf: formToken(session, "login", "other") })), "forbidden"],
    ["another purpose's token", post(fields({ csrf: formToken(session, "consent", challenge) })), "forbidden"],
  ])("refuses %s", async (_, request, expected) => {
    expect(await check(request)).toMatchObject({ kind: "problem", problem: expected });
  });

  it("refuses a post from a browser without a flow session, whatever its token", async () => {
    expect(await check(post(fields({})), { session: undefined })).toMatchObject({ kind: "problem", problem: "forbidden" });
    expect(await check(post(fields({})), { session: { id: "another-browser-0001" } })).toMatchObject({ problem: "forbidden" });
  });

  it("throttles sign-in attempts only after every other check, and says how long to wait", async () => {
    const throttled = { signInRetryAfter: async () => 42 };
    expect(await check(post(fields({})), throttled)).toEqual({ kind: "problem", problem: "too_many", retryAfter: 42 });
    expect(await check(post(fields({ action: "reject" })), throttled)).toMatchObject({ kind: "pass" });
    expect(await check(post(fields({ csrf: "forged" })), throttled)).toMatchObject({ problem: "forbidden" });
  });

  it("reads the cheap checks before the body", async () => {
    let read = false;
    const request: FormPost = {
      ...post(""),
      headers: new Headers({ "content-type": "text/plain", "sec-fetch-site": "same-origin" }),
      body: async function* () {
        read = true;
        yield "";
      },
    };
    expect(await check(request)).toMatchObject({ problem: "unsupported_media" });
    expect(read).toBe(false);
  });

  describe("a multipart post with a file read as text", () => {
    const keyForm: FormSpec<{ csrf: string; note: string; key: string }> = {
      schema: z.object({ csrf: z.string(), note: z.string().default(""), key: z.string().default("") }),
      purpose: "admin",
      textFiles: ["key"],
    };
    const binding = () => "subject-1";
    const multipart = async (build: (data: FormData) => void): Promise<FormPost> => {
      const data = new FormData();
      data.set("csrf", formToken(session, "admin", "subject-1"));
      build(data);
      const request = new Request("http://localhost/", { method: "POST", body: data });
      const body = new Uint8Array(await request.arrayBuffer());
      return {
        method: "POST",
        headers: new Headers({ "content-type": request.headers.get("content-type")!, "sec-fetch-site": "same-origin" }),
        body: async function* () {
          yield body;
        },
      };
    };
    const checkKey = async (build: (data: FormData) => void, spec = keyForm) => checkFormPost(await multipart(build), spec, { ...deps, binding });

    it("puts the file's content in its field, and an unchosen file is empty", async () => {
      expect(await checkKey((data) => data.set("key", new Blob(['{"kty":"EC"}']), "key.json"))).toMatchObject({ kind: "pass", form: { key: '{"kty":"EC"}' } });
    });

    it("reads a file input left empty, as a browser sends it, as an empty field", async () => {
      const csrf = formToken(session, "admin", "subject-1");
      const body = `--b\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${csrf}\r\n--b\r\nContent-Disposition: form-data; name="key"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n`;
      const request = post(body, { "content-type": "multipart/form-data; boundary=b" });
      expect(await checkFormPost(request, keyForm, { ...deps, binding })).toMatchObject({ kind: "pass", form: { key: "" } });
    });

    it("ignores files the form does not name, and refuses a named file sent twice or as text", async () => {
      expect(await checkKey((data) => data.set("note", new Blob(["x"]), "n.txt"))).toMatchObject({ kind: "pass", form: { note: "", key: "" } });
      const twice = (data: FormData) => {
        data.append("key", new Blob(["a"]), "a.json");
        data.append("key", new Blob(["b"]), "b.json");
      };
      expect(await checkKey(twice)).toMatchObject({ problem: "invalid_request" });
      expect(await checkKey((data) => data.set("key", "typed"))).toMatchObject({ problem: "invalid_request" });
    });

    it("keeps the body limit for the file too", async () => {
      expect(await checkKey((data) => data.set("key", new Blob(["x".repeat(maxFormBytes)]), "big.json"))).toMatchObject({ problem: "too_large" });
    });
  });
});
