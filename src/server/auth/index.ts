import "server-only";

import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { authLogEntry } from "./auth-log";
import { authenticate, clientIp } from "./authenticate";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

/** Surfaces as `code` on the thrown error so the sign-in form can say why. */
export class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

// Lazy config: the secret is resolved at the first request, not while `next build` imports modules.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  trustHost: true,
  logger: {
    error(error) {
      const entry = authLogEntry(error);
      if (entry) console.error(...entry);
    },
  },
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password) return null;
        const outcome = await authenticate(email, password, clientIp(request.headers));
        if (outcome.ok) return outcome.user;
        if (outcome.reason === "rate_limited") throw new RateLimitedSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
}));
