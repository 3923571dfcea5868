// `npm run demo`: Hydra, the provider app and a small demo client, on fixed ports,
// with state in .data/ that survives restarts. Ctrl-C stops everything.
//
// Ports (override with env): HYDRA_PUBLIC_PORT 4444, HYDRA_ADMIN_PORT 4445,
// APP_PORT 3000, CLIENT_PORT 5555. Delete .data/ to start from scratch.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ensureAppBuild, ensureHydra, ensureNodeModules, nextDistDir, root } from "./bootstrap.mjs";

const port = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) throw new Error(`${name} must be a port number`);
  return value;
};

const ports = {
  hydraPublic: port("HYDRA_PUBLIC_PORT", 4444),
  hydraAdmin: port("HYDRA_ADMIN_PORT", 4445),
  app: port("APP_PORT", 3000),
  client: port("CLIENT_PORT", 5555),
};
const dataDir = join(root, ".data");
const logDir = join(dataDir, "logs");
const DEMO_CLIENT_ID = "demo-client";

/** A secret generated once and kept in .data/, so restarts keep sessions, keys and the client. */
function persistentSecret(name) {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(36).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

try {
  ensureNodeModules();
  ensureHydra();
  ensureAppBuild();
} catch (error) {
  console.error(`[demo] setup failed: ${error.message}`);
  process.exit(1);
}
if (!existsSync(join(root, nextDistDir, "BUILD_ID"))) {
  console.error(`[demo] next build left no ${nextDistDir}/BUILD_ID`);
  process.exit(1);
}

// The harness is TypeScript; tsx loads it without a build step.
const { tsImport } = await import("tsx/esm/api");
const load = (path) => tsImport(pathToFileURL(join(root, path)).href, import.meta.url);
const { startHydra } = await load("e2e/harness/hydra.ts");
const { startApp, appEnvironment } = await load("e2e/harness/app.ts");
const { startRp } = await load("e2e/harness/rp.ts");
const { seedUser, grantRole, defaultUser } = await load("e2e/harness/users.ts");
const { createClient, getClient, replaceClient, rpClientBody } = await load("e2e/harness/clients.ts");

mkdirSync(logDir, { recursive: true });
const stoppers = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  console.log("\n[demo] stopping…");
  for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  process.exit(code);
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

try {
  const appUrl = `http://localhost:${ports.app}`;
  const hydra = await startHydra({
    appUrl,
    dsn: join(dataDir, "hydra.sqlite"),
    publicPort: ports.hydraPublic,
    adminPort: ports.hydraAdmin,
    // Also encrypts Hydra's signing keys in the database: it must never change for this .data/.
    systemSecret: persistentSecret("hydra-secret"),
    logFile: join(logDir, "hydra.log"),
  });
  stoppers.push(() => hydra.stop());
  console.log(`[demo] Hydra is ready: ${hydra.publicUrl} (admin ${hydra.adminUrl})`);

  // Settings the app reads from the environment (LOGOUT_REJECT_URL, REMEMBER_*…) pass through;
  // the ones that wire it to this demo are set here.
  const shellEnv = { ...process.env };
  for (const key of ["PORT", "APP_URL", "HYDRA_ADMIN_URL", "HYDRA_PUBLIC_URL", "NODE_ENV"]) delete shellEnv[key];
  const appOptions = {
    port: ports.app,
    hydra,
    databasePath: process.env.DATABASE_PATH || join(dataDir, "accounts.sqlite"),
    sessionSecret: process.env.SESSION_SECRET || persistentSecret("session-secret"),
    // The demo has the admin console, and its user is an admin.
    // E-mails go to the log in the demo: its links and codes are printed there.
    env: { ADMIN_CONSOLE: "on", ALLOW_REGISTRATION: "on", SMTP_URL: "log", ...shellEnv },
    logFile: join(logDir, "app.log"),
  };
  const seeded = await seedUser({ ...defaultUser, databasePath: appOptions.databasePath, env: appEnvironment(appOptions), ifAbsent: true });
  await grantRole({ email: defaultUser.email, role: "admin", databasePath: appOptions.databasePath, env: appEnvironment(appOptions) });
  console.log(`[demo] user ${defaultUser.email} ${seeded.created ? "created" : "already exists"} (admin)`);

  const app = await startApp(appOptions);
  stoppers.push(() => app.stop());
  console.log(`[demo] app is ready: ${app.url}`);

  const rp = await startRp({ issuer: hydra.issuer, adminUrl: hydra.adminUrl, port: ports.client, presentation: "html" });
  stoppers.push(() => rp.stop());
  // Hydra only stores a hash of the secret, so ours lives in .data/; replacing the client
  // on every start also keeps its URIs in line with the current ports.
  const body = rpClientBody(rp.url, {
    client_id: DEMO_CLIENT_ID,
    client_secret: persistentSecret("demo-client-secret"),
    client_name: "Demo client",
  });
  const existing = await getClient(hydra.adminUrl, DEMO_CLIENT_ID);
  const client = existing ? await replaceClient(hydra.adminUrl, DEMO_CLIENT_ID, body) : await createClient(hydra.adminUrl, body);
  await rp.addClient(client);
  console.log(`[demo] client ${DEMO_CLIENT_ID} ${existing ? "updated" : "created"}`);

  console.log(`
  Start an authorization code flow:  ${rp.startUrl()}
  Sign in as:                        ${defaultUser.email} / ${defaultUser.password}

  Your account     ${app.url}/account
  Admin console    ${app.url}/admin
  Provider app     ${app.url}
  Hydra issuer     ${hydra.issuer}
  Hydra admin API  ${hydra.adminUrl}
  OAuth2 client    ${client.client_id} / ${client.client_secret}
                   redirect ${rp.redirectUri}, scopes "${client.scope}"
  Logs             ${join(".data", "logs")}/hydra.log, app.log
  State            .data/ (delete it to start over)

  Press Ctrl-C to stop.
`);
} catch (error) {
  console.error(`[demo] ${error.message}`);
  await stopAll(1);
}
