/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets a benchmark or a second checkout build without touching the main one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // A self-contained server in .next/standalone (node .next/standalone/server.js): what the image runs.
  output: "standalone",
  reactStrictMode: true,
  // Native modules are loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  // Bundled rather than required whole: the SDK's index loads all of its 770 model modules,
  // and bundling keeps the ones the OAuth2 API uses (less memory, faster start).
  transpilePackages: ["@ory/client-fetch"],
  // Every page is a handler under pages/api that renders its own HTML (ARCHITECTURE.md says why):
  // the public paths map onto them, and any path nothing else answers reaches pages/api/[...path].ts.
  // Paths under /api are never rewritten: afterFiles rewrites run before dynamic routes, and
  // next-auth's callback (/api/auth/callback/…) is one.
  async rewrites() {
    return {
      afterFiles: [
        { source: "/", destination: "/api" },
        { source: "/:path((?!api(?:/|$)).+)", destination: "/api/:path" },
      ],
    };
  },
};

export default nextConfig;
