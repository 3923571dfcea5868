import { type Server, createServer } from "node:http";
import type { Registry } from "prom-client";
import { log } from "./log";
import { collectProcessMetrics, metrics } from "./metrics";
import { onShutdown } from "./shutdown";

/**
 * Prometheus metrics on a port of their own (METRICS_PORT), so they are never
 * served on the public one: GET /metrics, and 404 for anything else.
 */
export function serveMetrics(port: number, registry: Registry = metrics().registry): Server {
  if (registry === metrics().registry) collectProcessMetrics();
  const server = createServer((request, response) => {
    const path = (request.url ?? "").split("?", 1)[0];
    if (request.method !== "GET" || path !== "/metrics") {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    registry.metrics().then(
      (body) => response.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" }).end(body),
      (error: unknown) => {
        log().error({ err: error }, "could not collect metrics");
        response.writeHead(500).end();
      },
    );
  });
  // A port already taken stops the metrics, not the app: sign-in keeps working.
  server.on("error", (error) => log().error({ err: error, port }, "metrics server failed"));
  server.listen(port);
  onShutdown("metrics server", () => closeServer(server));
  return server;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // A scraper's keep-alive connection would hold close() open until it times out.
    server.closeAllConnections();
  });
}
