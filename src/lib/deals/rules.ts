import type { StageKind } from "./pipeline-defaults";

/**
 * Pure deal rules shared by the data layer, the UI and the tests.
 */

export type StageLike = { id: string; kind: StageKind; probability: number; staleAfterDays: number };

/** Entering a stage resets the probability to the stage's own, unless the user typed one in the same change. */
export function probabilityOnStageChange(stage: Pick<StageLike, "kind" | "probability">, override?: number | null): number {
  if (stage.kind === "won") return 100;
  if (stage.kind === "lost") return 0;
  return override ?? stage.probability;
}

/** value × probability, in minor units, rounded down as the database's generated column does. */
export function weightedValue(valueMinor: number, probability: number): number {
  return Math.floor((valueMinor * probability) / 100);
}

const DAY_MS = 86_400_000;

/**
 * Stale: no completed action for longer than the stage allows (since the deal was created when
 * nothing was completed yet). Independent of whether the pending action is overdue.
 */
export function isStale(
  deal: { lastActivityAt: Date | null; createdAt: Date; status?: StageKind },
  staleAfterDays: number,
  now: Date,
): boolean {
  if (deal.status && deal.status !== "open") return false;
  const since = deal.lastActivityAt ?? deal.createdAt;
  return now.getTime() - since.getTime() > staleAfterDays * DAY_MS;
}

export function daysSince(at: Date, now: Date): number {
  return Math.floor((now.getTime() - at.getTime()) / DAY_MS);
}

export type DueState = "overdue" | "today" | "upcoming";

/** Where an action's due time falls relative to the org's "today" [dayStart, dayEnd). */
export function dueState(dueAt: Date, now: Date, dayEnd: Date): DueState {
  if (dueAt.getTime() < now.getTime()) return "overdue";
  if (dueAt.getTime() < dayEnd.getTime()) return "today";
  return "upcoming";
}

/** Kanban: a position strictly between two neighbours (either may be missing). */
export function positionBetween(before: number | null | undefined, after: number | null | undefined): number {
  if (before == null && after == null) return 1024;
  if (before == null) return after! - 1024;
  if (after == null) return before + 1024;
  return (before + after) / 2;
}

export function canReopen(role: "admin" | "manager" | "rep"): boolean {
  return role === "admin" || role === "manager";
}

/**
 * Who may hold a deal's next step: managers and admins (they see every deal) and the step's
 * current owner (normally the deal's owner). Another rep could not see the deal; the server refuses it.
 */
export function eligibleNextStepOwners<T extends { id: string; role: "admin" | "manager" | "rep" }>(
  members: T[],
  currentOwnerId: string,
): T[] {
  return members.filter((m) => m.role !== "rep" || m.id === currentOwnerId);
}
