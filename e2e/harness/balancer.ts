import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { forwardRequest } from "./forward";

export interface Balancer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * A minimal load balancer on one public origin: `pick` chooses the backend port
 * for each request by path, the way a sticky-less balancer in front of several
 * app instances would send one flow's steps to different instances.
 */
export async function startBalancer(port: number, pick: (path: string) => number): Promise<Balancer> {
  const server: Server = createServer((req, res) => {
    forwardRequest(req, res, { hostname: "127.0.0.1", port: pick(req.url ?? "/") });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${bound}`,
    port: bound,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
