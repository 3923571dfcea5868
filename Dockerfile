# syntax=docker/dockerfile:1
#
# The login, consent and logout provider as a container image.
#
#   docker build -t hydra-login-provider .
#   docker run --init -p 3000:3000 --read-only --tmpfs /tmp \
#     -e SESSION_SECRET=... -e APP_URL=... -e HYDRA_ADMIN_URL=... -e HYDRA_PUBLIC_URL=... \
#     -e DATABASE_URL=postgres://... hydra-login-provider
#
# The runtime stage holds Next's standalone output (output: "standalone" in next.config.mjs):
# server.js with only the node_modules the server traces, no dev dependencies, no npm.
# Nothing under /app is writable by the process; it writes only to /data (SQLite, when
# DATABASE_URL is unset) and /tmp, so the container runs with a read-only root filesystem.
# docs/deploy.md describes the whole deployment.

ARG NODE_IMAGE=node:22-bookworm-slim

# ---- dependencies, with the toolchain that better-sqlite3 falls back to when no prebuilt
# binary matches (node-gyp needs python3, make and a C++ compiler)
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Dev dependencies too: next build type-checks with typescript, and esbuild bundles the
# accounts CLI below. NODE_ENV stays unset here so npm does not drop them.
RUN npm ci --no-audit --no-fund

# ---- build
FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN node_modules/.bin/next build
RUN test -f .next/standalone/server.js \
  || { echo 'next.config.mjs must set output: "standalone" for this image' >&2; exit 1; }
# The accounts CLI (npm run users) without tsx: one CommonJS file. The native modules stay
# external and resolve from the standalone node_modules, which the server already needs.
RUN node_modules/.bin/esbuild scripts/users.ts --bundle --platform=node --target=node22 \
    --format=cjs --log-level=warning --outfile=dist/users.cjs \
    --external:better-sqlite3 --external:@node-rs/argon2 --external:pg-native

# ---- runtime
FROM ${NODE_IMAGE} AS runtime
# HOSTNAME: Docker sets it to the container id and the standalone server listens on it;
# 0.0.0.0 makes it answer on every interface, 127.0.0.1 (the health check) included.
# MALLOC_* and NODE_OPTIONS: the memory settings `npm start` applies (README, "Running in
# production"): argon2's 19 MiB blocks go back to the system, two malloc arenas, a small
# young generation. DATABASE_PATH: SQLite only when DATABASE_URL is unset; /data is the
# one writable folder (mount a volume there).
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=131072 \
    NODE_OPTIONS=--max-semi-space-size=4 \
    DATABASE_PATH=/data/accounts.sqlite
WORKDIR /app
# A fixed uid/gid so a volume, a PodSecurityContext (runAsUser) and fsGroup can name it.
RUN groupadd --system --gid 10001 app \
  && useradd --system --uid 10001 --gid app --home-dir /nonexistent --no-create-home \
     --shell /usr/sbin/nologin app \
  && mkdir -p /data \
  && chown app:app /data
# Owned by root and not writable by the app user: a compromised process cannot change its code.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/dist/users.cjs ./users.cjs
USER 10001:10001
EXPOSE 3000
# Next's server closes its listener and exits on SIGTERM; run with --init (compose: init: true)
# so a PID 1 that reaps children forwards it.
STOPSIGNAL SIGTERM
# Node itself rather than curl: the slim image has no curl, and this works on distroless too.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/alive').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node", "server.js"]
