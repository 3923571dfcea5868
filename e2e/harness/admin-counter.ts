import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { forwardRequest } from "./forward";

/** One request the counter passed on to Hydra's admin API. */
export interface AdminCall {
  method: string;
  /** The pathname, without the query (challenges differ per flow, the endpoint does not). */
  path: string;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface AdminCounter {
  /** http://127.0.0.1:<port>: give it to the app as HYDRA_ADMIN_URL. */
  url: string;
  /** Calls since the start or the last reset(), oldest first. */
  calls(): AdminCall[];
  reset(): void;
  /** Answers 500, without asking Hydra, to every call whose path starts with one of these (none: pass all). */
  refuse(pathPrefixes: string[]): void;
  stop(): Promise<void>;
}

/**
 * A pass-through proxy in front of Hydra's admin API that records every request:
 * method, path, query, headers and body go to `targetUrl` as they came, and the
 * answer comes back unchanged. Tests read it to bound how often a hop asks Hydra.
 */
export async function startAdminCounter(targetUrl: string, options: { refuse?: string[] } = {}): Promise<AdminCounter> {
  const target = new URL(targetUrl);
  let calls: AdminCall[] = [];
  let refused = options.refuse ?? [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", target).pathname;
    calls.push({ method: req.method ?? "GET", path, at: Date.now() });
    if (refused.some((prefix) => path.startsWith(prefix))) {
      res.writeHead(500, { "content-type": "application/json" }).end('{"error":"server_error"}');
      return;
    }
    forwardRequest(req, res, { hostname: target.hostname, port: target.port });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // Port 0: the OS picks a free port at bind time, so nothing can take it in between.
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => [...calls],
    reset: () => {
      calls = [];
    },
    refuse: (pathPrefixes) => {
      refused = pathPrefixes;
    },
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
