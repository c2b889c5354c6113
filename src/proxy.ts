import { type NextRequest, NextResponse } from "next/server";

/**
 * Sends visitors without a session cookie to /login. It deliberately does not decrypt the cookie:
 * every page and action verifies the session itself (getPageTenant / the action factory), so doing
 * it here too only doubled the cost of each request. An expired or forged cookie passes this check
 * and is refused there.
 */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export function proxy(request: NextRequest) {
  if (request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) return NextResponse.next();
  return NextResponse.redirect(new URL("/login", request.url));
}

// Everything except the auth endpoints, public pages, webhooks, health and static assets needs a session.
export const config = {
  matcher: ["/((?!api/auth|api/health|api/webhooks|login|invite|setup|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
