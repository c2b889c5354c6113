export { auth as proxy } from "@/server/auth";

// Everything except the auth endpoints, public pages, webhooks, health and static assets needs a session.
export const config = {
  matcher: ["/((?!api/auth|api/health|api/webhooks|login|invite|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
