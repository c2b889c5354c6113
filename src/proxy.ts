import { type NextRequest, NextResponse } from "next/server";

import { requestTooLarge, UPLOAD_TOO_LARGE_MESSAGE } from "@/lib/upload-limits";

/**
 * Sends visitors without a session cookie to /login. It deliberately does not decrypt the cookie:
 * every page and action verifies the session itself (getPageTenant / the action factory), so doing
 * it here too only doubled the cost of each request. An expired or forged cookie passes this check
 * and is refused there.
 */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function proxy(request: NextRequest) {
  // A body over the upload limit is refused from its Content-Length, before Next passes it on to
  // the action (lib/upload-limits.ts). text/plain exactly: Next's client throws such a body as the
  // action's error, and the upload form shows it on the file.
  if (requestTooLarge(request.headers.get("content-length"))) {
    return new NextResponse(UPLOAD_TOO_LARGE_MESSAGE, { status: 413, headers: { "Content-Type": "text/plain" } });
  }
  if (request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) return NextResponse.next();
  return NextResponse.redirect(new URL("/login", request.url));
}

// Everything except the auth endpoints, public pages, webhooks, health and static assets needs a session.
export const config = {
  matcher: ["/((?!api/auth|api/health|api/webhooks|login|invite|setup|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
