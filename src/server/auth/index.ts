import "server-only";

import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { databaseContext } from "@/server/data/context";
import { unsafeSessionVersionOf } from "@/server/data/sessions";

import { authLogEntry } from "./auth-log";
import { authenticate, clientIp } from "./authenticate";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface Session {
    /** sessionVersion: the user's session version when the token was issued (server/data/sessions.ts). */
    user: { id: string; sessionVersion: number } & DefaultSession["user"];
  }
}

/** Surfaces as `code` on the thrown error (`rate_limited:<seconds>`) so the sign-in form can say how long to wait. */
export class RateLimitedSignIn extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `rate_limited:${retryAfterSeconds}`;
  }
}

/** The seconds to wait when `error` is a refused sign-in's RateLimitedSignIn, else null. */
export function retryAfterOf(error: unknown): number | null {
  const match = error instanceof CredentialsSignin ? /^rate_limited:(\d+)$/.exec(error.code) : null;
  return match ? Number(match[1]) : null;
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
        if (outcome.reason === "rate_limited") throw new RateLimitedSignIn(outcome.retryAfterSeconds);
        return null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      // Only at sign-in. Never from an update's data: a client can post its own (useSession().update).
      if (user?.id) {
        token.uid = user.id;
        token.sv = (await unsafeSessionVersionOf(databaseContext(), { userId: user.id })) ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      // A token issued before session versions existed counts as version 0 (the column's default).
      session.user.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
      return session;
    },
  },
}));
