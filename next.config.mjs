/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets a benchmark or a second checkout build without touching the main one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Native modules are loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  // Probes keep their conventional paths; API routes live under /api.
  async rewrites() {
    return [{ source: "/health/:probe(alive|ready)", destination: "/api/health/:probe" }];
  },
};

export default nextConfig;
