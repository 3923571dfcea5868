import { type IncomingMessage, type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HydraCall } from "@/lib/observability/hydra-calls";
import { inRequestContext } from "@/lib/observability/request-context";
import { pooledFetch } from "./pooled-fetch";

let server: Server;
let base: string;
const seen: { method?: string; url?: string; body: string; headers: IncomingMessage["headers"]; port?: number }[] = [];
const agent = new Agent({ keepAliveTimeout: 1000 });
const calls: HydraCall[] = [];
const fetch = pooledFetch(agent, (call) => calls.push(call));

beforeAll(async () => {
  server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    seen.push({ method: req.method, url: req.url, body, headers: req.headers, port: req.socket.remotePort });
    if (req.url?.startsWith("/gone")) {
      res.writeHead(410, { "content-type": "application/json" }).end(JSON.stringify({ redirect_to: "http://hydra/x" }));
    } else if (req.url?.startsWith("/empty")) {
      res.writeHead(204).end();
    } else if (req.url?.startsWith("/slow")) {
      setTimeout(() => res.end("{}"), 500);
    } else {
      res.writeHead(200, { "content-type": "application/json", "x-total-count": "3" }).end(JSON.stringify({ echo: req.url }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await agent.close();
  await new Promise((resolve) => server.close(resolve));
});

describe("pooledFetch", () => {
  it("sends the method, path, query, headers and JSON body the SDK gives it", async () => {
    const response = await fetch(`${base}/admin/x?login_challenge=abc`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", Authorization: "Bearer k" },
      body: JSON.stringify({ subject: "s" }),
    });
    expect(response.status).toBe(200);
    expect(response.ok).toBe(true);
    expect(response.headers.get("x-total-count")).toBe("3");
    expect(await response.json()).toEqual({ echo: "/admin/x?login_challenge=abc" });
    expect(seen.at(-1)).toMatchObject({ method: "PUT", body: '{"subject":"s"}', headers: { authorization: "Bearer k", "content-type": "application/json" } });
  });

  it("sends URL-encoded forms", async () => {
    await fetch(`${base}/introspect`, { method: "POST", body: new URLSearchParams({ token: "t" }) });
    expect(seen.at(-1)).toMatchObject({ body: "token=t", headers: { "content-type": "application/x-www-form-urlencoded;charset=UTF-8" } });
  });

  it("hands back error answers and empty ones as they came", async () => {
    const gone = await fetch(`${base}/gone`);
    expect(gone.status).toBe(410);
    expect(gone.ok).toBe(false);
    expect(await gone.clone().json()).toEqual({ redirect_to: "http://hydra/x" });
    const empty = await fetch(`${base}/empty`, { method: "PUT" });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");
  });

  it("gives up when the signal says so", async () => {
    await expect(fetch(`${base}/slow`, { signal: AbortSignal.timeout(50) })).rejects.toThrow();
  });

  it("reuses its connections instead of opening one per call", async () => {
    for (let i = 0; i < 8; i++) await fetch(`${base}/again`);
    const ports = new Set(seen.slice(-8).map((request) => request.port));
    expect(ports.size).toBeLessThanOrEqual(2);
  });

  it("sends the id of the request being answered as X-Request-Id, and none outside a request", async () => {
    await inRequestContext({ requestId: "req-42" }, () => fetch(`${base}/with-id`));
    expect(seen.at(-1)?.headers["x-request-id"]).toBe("req-42");
    await fetch(`${base}/without-id`);
    expect(seen.at(-1)?.headers).not.toHaveProperty("x-request-id");
  });

  it("reports each call's method, URL, status and duration, and a failure's error", async () => {
    calls.length = 0;
    await fetch(`${base}/gone?login_challenge=c`, { method: "PUT" });
    await expect(fetch(`${base}/slow`, { signal: AbortSignal.timeout(20) })).rejects.toThrow();
    expect(calls).toHaveLength(2);
    expect(calls[0]).toMatchObject({ method: "PUT", status: 410 });
    expect(calls[0]?.url.pathname).toBe("/gone");
    expect(calls[0]?.ms).toBeGreaterThan(0);
    expect(calls[1]).toMatchObject({ method: "GET" });
    expect(calls[1]?.status).toBeUndefined();
    expect(calls[1]?.ms).toBeGreaterThanOrEqual(15);
    expect((calls[1]?.error as Error).name).toMatch(/TimeoutError|AbortError/);
  });
});

