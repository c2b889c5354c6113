import { type NextRequest, NextResponse } from "next/server";

import { env } from "@/env";
import { contentSecurityPolicy, createNonce, hasMalformedEncoding, HSTS_HEADER, NONCE_HEADER } from "@/lib/security-headers";
import { requestTooLarge, UPLOAD_TOO_LARGE_MESSAGE } from "@/lib/upload-limits";

/**
 * Runs on every request but static files: refuses a malformed URL (400), gives each response its
 * Content-Security-Policy with a fresh nonce (and HSTS over https), and sends visitors without a
 * session cookie to /login, except on the public paths. It deliberately does not decrypt the
 * cookie: every page and action verifies the session itself (getPageTenant / the action factory),
 * so doing it here too only doubled the cost of each request. An expired or forged cookie passes
 * this check and is refused there. Everything here is string work and one random UUID.
 */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/** Reachable without a session: sign-in, invitations, the first-run setup, the auth endpoints, health, webhooks. */
const PUBLIC_PATHS = ["/login", "/invite", "/setup", "/api/auth", "/api/health", "/api/webhooks"];

function isPublic(pathname: string) {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

export function proxy(request: NextRequest) {
  // A body over the upload limit is refused from its Content-Length, before Next passes it on to
  // the action (lib/upload-limits.ts). text/plain exactly: Next's client throws such a body as the
  // action's error, and the upload form shows it on the file.
  if (requestTooLarge(request.headers.get("content-length"))) {
    return new NextResponse(UPLOAD_TOO_LARGE_MESSAGE, { status: 413, headers: { "Content-Type": "text/plain" } });
  }
  const { pathname, protocol } = request.nextUrl;
  const https = protocol === "https:"; // Next sets it from the socket or X-Forwarded-Proto
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, { dev: env().NODE_ENV === "development", https });
  const secure = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", csp);
    if (https) response.headers.set(HSTS_HEADER.key, HSTS_HEADER.value);
    return response;
  };

  if (hasMalformedEncoding(pathname)) {
    return secure(
      new NextResponse("Bad request: the address is not valid.\n", {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      }),
    );
  }
  if (!isPublic(pathname) && !request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) {
    return secure(NextResponse.redirect(new URL("/login", request.url)));
  }
  // Next reads the nonce from the request's CSP header and puts it on its own scripts; the root
  // layout reads NONCE_HEADER for ours.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  return secure(NextResponse.next({ request: { headers: requestHeaders } }));
}

// Static files need no nonce and no session: Next's build output, and the public files (favicon,
// icons, robots.txt, the web manifest). Their static headers come from next.config.ts.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|icons/|robots\\.txt|manifest\\.webmanifest).*)"],
};
