/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native modules are loaded by Node at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2"],
  // notFound(), unauthorized() and forbidden() give flow pages their real status codes.
  experimental: { authInterrupts: true },
};

export default nextConfig;
