import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

export type Actor = { userId: string };

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

export async function currentActor(): Promise<Actor | null> {
  const explicit = explicitActor.getStore();
  if (explicit) return explicit;
  const { auth } = await import("./auth");
  const session = await auth();
  return session?.user?.id ? { userId: session.user.id } : null;
}
