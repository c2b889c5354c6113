import { BASE_URL } from "./app-server";

export type Session = { email: string; cookie: string; userId: string };

/**
 * The real sign-in flow, through next-auth's credentials endpoint (what the login form's server
 * action calls): fetch a CSRF token and its cookie, POST the credentials, keep the session cookie,
 * and confirm it with /api/auth/session.
 */
export async function signIn(email: string, password: string): Promise<Session> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

  const csrfRes = await fetch(`${BASE_URL}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };

  const res = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${BASE_URL}/` }),
  });
  keep(res);
  const sessionCookie = [...jar.keys()].find((k) => /session-token/.test(k));
  if (!sessionCookie) {
    throw new Error(`Sign-in as ${email} failed (HTTP ${res.status}, location ${res.headers.get("location") ?? "-"}): no session cookie`);
  }
  const session = `${sessionCookie}=${jar.get(sessionCookie)}`;
  const check = await fetch(`${BASE_URL}/api/auth/session`, { headers: { Cookie: session } });
  const body = (await check.json()) as { user?: { id?: string; email?: string } } | null;
  if (!body?.user?.id) throw new Error(`Sign-in as ${email} gave a cookie but /api/auth/session has no user`);
  return { email, cookie: session, userId: body.user.id };
}
