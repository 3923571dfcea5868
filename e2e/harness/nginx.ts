import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { logDir, spawnLogged, stopProcess, waitUntil } from "./process";

const nginxBinary = "/usr/sbin/nginx";
const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

export interface Nginx {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Debian's nginx, installed on first use when we are root. */
function ensureNginx(): void {
  if (existsSync(nginxBinary)) return;
  if (!isRoot) throw new Error(`${nginxBinary} is missing: install Debian's nginx (sudo apt-get install -y nginx-light)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "nginx-light"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed with exit code ${result.status}`);
  }
}

/**
 * A real reverse proxy in front of several app instances: round robin, the
 * client's address appended to X-Forwarded-For, and a request that cannot
 * reach an instance (refused, reset before an answer) tried on the next one.
 * A form post is retried only when it never reached the instance.
 */
export async function startNginx(options: { port: number; upstreams: number[] }): Promise<Nginx> {
  ensureNginx();
  const dir = await mkdtemp(join(tmpdir(), "hydra-provider-nginx-"));
  await mkdir(logDir, { recursive: true });
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) await mkdir(join(dir, sub));
  const conf = `
${isRoot ? "user root;" : ""}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${join(logDir, `nginx-${options.port}-error.log`)} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream app {
${options.upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=5s;`).join("\n")}
    keepalive 32;
    # Shorter than Node's own 5 s keep-alive: nginx must never reuse a connection the app is closing.
    keepalive_timeout 2s;
  }
  server {
    listen 127.0.0.1:${options.port};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout;
      # A redirect carries a Hydra challenge (1-2 KB, more with a large client) next to the CSP
      # and a sealed cookie: more than nginx's default 4 KB for an answer's headers.
      proxy_buffer_size 16k;
      proxy_buffers 8 16k;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
    }
  }
}
`;
  const confFile = join(dir, "nginx.conf");
  await writeFile(confFile, conf);
  const proc = spawnLogged(nginxBinary, ["-p", dir, "-c", confFile], { env: { PATH: process.env.PATH }, logFile: join(logDir, `nginx-${options.port}.log`) });
  const url = `http://localhost:${options.port}`;
  try {
    await waitUntil(`nginx on port ${options.port}`, proc, async () => {
      const answer = await fetch(`http://127.0.0.1:${options.port}/health/alive`, { signal: AbortSignal.timeout(2_000) });
      await answer.body?.cancel();
      return answer.status > 0;
    }, 30_000);
  } catch (error) {
    await stopProcess(proc);
    throw error;
  }
  return {
    url,
    port: options.port,
    async stop() {
      await stopProcess(proc);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
