/**
 * In-process signal that an org's data changed (every successful org action sends it). Caches of
 * derived figures subscribe and drop that org's entries, so a user sees their own change at once.
 * Other instances learn nothing from it: their caches expire by age (the real-time capability will
 * carry this over LISTEN/NOTIFY).
 */
type Listener = (orgId: string) => void;

const g = globalThis as typeof globalThis & { __momentumDataListeners?: Set<Listener> };
const listeners = (g.__momentumDataListeners ??= new Set<Listener>());

export function onOrgDataChanged(listener: Listener): void {
  listeners.add(listener);
}

export function notifyOrgDataChanged(orgId: string): void {
  for (const listener of listeners) listener(orgId);
}
