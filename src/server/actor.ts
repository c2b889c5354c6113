import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

import { databaseContext } from "./data/context";
import { unsafeIsSessionCurrent } from "./data/sessions";

/**
 * Who is acting. `sessionVersion` is the version of the session token the actor came with (see
 * data/sessions.ts): the tenant query refuses it once the user's version has moved on. Actors that
 * are not a session (jobs, scripts, tests through runAs) have none, unless a test gives one to act
 * as a particular session.
 */
export type Actor = { userId: string; sessionVersion?: number };

const explicitActor = new AsyncLocalStorage<Actor>();

/**
 * Runs fn on behalf of a user without an HTTP session: background jobs, automations, scripts and
 * integration tests call actions this way. Requests use the next-auth session.
 */
export function runAs<T>(actor: Actor, fn: () => Promise<T>): Promise<T> {
  return explicitActor.run(actor, fn);
}

export function isExplicitActor(): boolean {
  return explicitActor.getStore() !== undefined;
}

/**
 * The actor as the session token says, NOT yet checked against the user's session version: the
 * tenant query that follows checks it (resolveTenant), so a request pays no extra query. A path
 * with no tenant query uses currentVerifiedActor.
 */
export async function currentActor(): Promise<Actor | null> {
  const explicit = explicitActor.getStore();
  if (explicit) return explicit;
  const { auth } = await import("./auth");
  const session = await auth();
  return session?.user?.id ? { userId: session.user.id, sessionVersion: session.user.sessionVersion } : null;
}

/** The actor, with its session checked by a query of its own: for paths that resolve no tenant (user actions, login and invite pages). */
export async function currentVerifiedActor(): Promise<Actor | null> {
  return verifiedSession(await currentActor());
}

/** The actor if its session is still current (an actor that is not a session passes), else null. */
export async function verifiedSession(actor: Actor | null): Promise<Actor | null> {
  if (!actor || actor.sessionVersion === undefined) return actor;
  const current = await unsafeIsSessionCurrent(databaseContext(), { userId: actor.userId, sessionVersion: actor.sessionVersion });
  return current ? actor : null;
}
