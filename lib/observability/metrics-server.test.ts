import type { AddressInfo } from "node:net";
import { Counter, Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveMetrics } from "./metrics-server";

const registry = new Registry();
new Counter({ name: "provider_test_events_total", help: "test", registers: [registry] }).inc(3);
const server = serveMetrics(0, registry);
let base: string;

beforeAll(async () => {
  if (!server.listening) await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("the metrics server", () => {
  it("serves the registry in Prometheus' text format at GET /metrics", async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    expect(await response.text()).toContain("provider_test_events_total 3");
  });

  it.each([
    ["GET", "/"],
    ["GET", "/metrics/x"],
    ["POST", "/metrics"],
    ["DELETE", "/metrics"],
  ])("answers 404 to %s %s", async (method, path) => {
    const response = await fetch(`${base}${path}`, { method });
    expect(response.status).toBe(404);
    await response.body?.cancel();
  });
});
