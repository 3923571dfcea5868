import { branding } from "@/lib/branding/config";
import { ConfigError, config } from "@/lib/config";
import { log } from "@/lib/observability/log";
import { serveMetrics } from "@/lib/observability/metrics-server";
import { processWide } from "@/lib/observability/process-wide";
import { handleShutdownSignals } from "@/lib/observability/shutdown";
import { scopeCatalogue } from "@/lib/scopes/catalogue";
import { ensureAccountClient } from "@/lib/server/account/registration";
import { upstreamProviders } from "@/lib/upstream/config";

// Validates the configuration once at start, so a bad variable stops the server with a message naming it.
try {
  config();
  branding();
  scopeCatalogue();
  upstreamProviders();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

// better-sqlite3 12 aborts Node 24 processes now and then (README, "On Node 24, use PostgreSQL").
if (config().database.kind === "sqlite" && Number(process.versions.node.split(".")[0]) >= 24) {
  log().warn({ node: process.versions.node }, "SQLite on Node 24: better-sqlite3 12 can abort this process; set DATABASE_URL to use PostgreSQL");
}

// Once per process, even if this module is evaluated again (next dev reloads it).
const { metricsPort } = config();
if (metricsPort !== undefined) processWide("metrics-server", () => serveMetrics(metricsPort));

// NEXT_MANUAL_SIG_HANDLE is Next's switch for "the deployment handles signals itself": then neither Next nor we do.
if (!process.env.NEXT_MANUAL_SIG_HANDLE) handleShutdownSignals({ graceMs: 10_000, closeMs: 5_000 });

// The account page's client is registered at start; a failure is logged and retried by the account page, never by a flow.
void ensureAccountClient();
