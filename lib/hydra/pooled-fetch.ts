import { Agent } from "undici";
import type { HydraCall } from "@/lib/observability/hydra-calls";
import { currentRequestId } from "@/lib/observability/request-context";

/**
 * A `fetch` for the Hydra SDK over one keep-alive undici pool. It speaks
 * undici's `request` API, which skips the WHATWG stream machinery of `fetch`:
 * a flow makes several small admin calls, and that machinery cost more CPU
 * than the calls themselves. Bodies are read whole (Hydra's answers are small
 * JSON) and handed back as a minimal Response.
 *
 * A call made while a request is answered carries that request's id
 * (X-Request-Id), which Hydra writes into its own request log.
 */
export function pooledFetch(
  agent: Agent,
  observe: (call: HydraCall) => void = () => undefined,
): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  return async (input, init = {}) => {
    const started = performance.now();
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const method = init.method ?? "GET";
    const headers = headerRecord(init.headers);
    const requestId = currentRequestId();
    if (requestId !== undefined) headers["x-request-id"] ??= requestId;
    let body: string | undefined;
    if (typeof init.body === "string") body = init.body;
    else if (init.body instanceof URLSearchParams) {
      body = init.body.toString();
      headers["content-type"] ??= "application/x-www-form-urlencoded;charset=UTF-8";
    } else if (init.body != null) throw new TypeError("pooledFetch sends string and URL-encoded bodies only");
    let answer: Awaited<ReturnType<Agent["request"]>>;
    let text: string;
    try {
      answer = await agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: method as "GET",
        headers,
        body,
        signal: init.signal ?? undefined,
      });
      text = await answer.body.text();
    } catch (error) {
      observe({ method, url, ms: performance.now() - started, error });
      throw error;
    }
    observe({ method, url, ms: performance.now() - started, status: answer.statusCode });
    return new BufferedResponse(answer.statusCode, answerHeaders(answer.headers), text, url.href) as unknown as Response;
  };
}

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  new Headers(headers).forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

function answerHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** The part of Response the SDK and our error classification read. */
class BufferedResponse {
  readonly ok: boolean;
  readonly bodyUsed = false;
  readonly redirected = false;
  readonly type = "basic";
  readonly statusText = "";

  constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly body: string,
    readonly url: string,
  ) {
    this.ok = status >= 200 && status < 300;
  }

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }

  async blob(): Promise<Blob> {
    return new Blob([this.body]);
  }

  clone(): BufferedResponse {
    return new BufferedResponse(this.status, new Headers(this.headers), this.body, this.url);
  }
}
