// A throwaway PostgreSQL for the tests and the benchmark: Debian's server binaries, a cluster in
// a temp folder on a free port, fsync off, stopped and deleted at the end. Node builtins and `pg`.
//
//   const pg = await startPostgres();   // { url, port, createDatabase(name) → url, stop() }
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** The newest Debian PostgreSQL server's bin folder (`/usr/lib/postgresql/<version>/bin`), or undefined. */
export function postgresBinDir() {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base)
    .filter((version) => existsSync(join(base, version, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], "bin") : undefined;
}

/** Installs Debian's postgresql when it is absent and we are root; otherwise says what is missing. */
export function ensurePostgres() {
  if (postgresBinDir()) return;
  if (!isRoot) {
    throw new Error("PostgreSQL's server binaries are missing: install Debian's postgresql (sudo apt-get install -y postgresql)");
  }
  console.log("[postgres] installing PostgreSQL with apt-get");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "postgresql"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed with exit code ${result.status}`);
  }
  if (!postgresBinDir()) throw new Error("apt-get installed postgresql but no initdb was found under /usr/lib/postgresql");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** initdb refuses to run as root: as root, the cluster belongs to the `postgres` user. */
function asClusterOwner(command, args) {
  const result = isRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status}): ${result.stderr || result.stdout}`);
  }
}

/** Starts a fresh cluster; `stop()` stops it and deletes its folder. */
export async function startPostgres() {
  ensurePostgres();
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), "hydra-provider-pg-"));
  if (isRoot) spawnSync("chown", ["-R", "postgres:postgres", dir]);
  const data = join(dir, "data");
  const port = await freePort();
  asClusterOwner(join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  // Durability is not what these tests measure: no fsync, and the socket in the cluster's own folder.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  asClusterOwner(join(bin, "pg_ctl"), ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const { default: pg } = await import("pg");
  return {
    url,
    port,
    /** A new, empty database on this cluster; returns its URL. */
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      try {
        asClusterOwner(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
