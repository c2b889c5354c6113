import type { OrgDisplay } from "@/components/next-steps/types";
import { queueBoundaries, todayBucketOf } from "@/lib/deals/today-buckets";
import type { CompletionResult, PlannedNextStep, SnoozeResult } from "@/lib/next-steps/results";

import { dueTexts } from "./build-view";
import type { QueueRowView, QueueSectionView } from "./types";

/** Which queue is on screen: whose actions (null = everyone's) and how many rows a bucket shows at most. */
export type QueueScope = { ownerId: string | null; limit: number };

/**
 * What the user just did to the queue, built from the action's result: `removeId` leaves its
 * bucket, and `place` (the planned next action, or the snoozed action at its new time) goes where
 * its due time puts it at `now`. The deal's figures (value, stage) are those of the row it came from.
 */
export type QueueChange = {
  removeId: string;
  place: { action: PlannedNextStep; from: QueueRowView } | null;
  now: Date;
};

export function completionChange(row: QueueRowView, result: CompletionResult, now: Date): QueueChange {
  return { removeId: result.actionId, place: result.next ? { action: result.next, from: row } : null, now };
}

export function snoozeChange(row: QueueRowView, result: SnoozeResult, now: Date): QueueChange {
  const { id, type, details, ownerId, ownerName } = row.action;
  return { removeId: result.actionId, place: { action: { id, type, details, ownerId, ownerName, dueAt: result.dueAt }, from: row }, now };
}

/** The queue's own order: due time, then id (as listTodayQueue sorts). */
function compareRows(a: QueueRowView, b: QueueRowView): number {
  return Date.parse(a.action.dueAt) - Date.parse(b.action.dueAt) || (a.action.id < b.action.id ? -1 : a.action.id > b.action.id ? 1 : 0);
}

/**
 * The queue as the server will show it after `change`, without asking it: the removed row leaves
 * (its bucket's count drops), the placed row enters the bucket the shared bucket rule gives it —
 * or none, beyond the 7-day window or when it belongs to someone outside the rep filter. Buckets
 * stay capped at `scope.limit` rows with exact counts; a row that sorts among a bucket's hidden
 * rows only raises the count. Idempotent, so it can be replayed over fresher server data.
 */
export function applyQueueChange(
  sections: QueueSectionView[],
  change: QueueChange,
  org: OrgDisplay,
  scope: QueueScope,
): QueueSectionView[] {
  const { place, now } = change;
  const placedId = place?.action.id;
  const alreadyShown =
    placedId !== undefined && placedId !== change.removeId && sections.some((s) => s.rows.some((r) => r.action.id === placedId));
  const inScope = place !== null && (scope.ownerId === null || scope.ownerId === place.action.ownerId);
  const bucket =
    place && inScope && !alreadyShown ? todayBucketOf(new Date(place.action.dueAt), now, queueBoundaries(now, org.timeZone)) : null;

  return sections.map((section) => {
    let rows = section.rows;
    let count = section.count;
    if (rows.some((r) => r.action.id === change.removeId)) {
      rows = rows.filter((r) => r.action.id !== change.removeId);
      count -= 1;
    }
    if (place && bucket === section.bucket) {
      const row: QueueRowView = {
        ...place.from,
        action: { ...place.action, deal: place.from.action.deal },
        ...dueTexts(new Date(place.action.dueAt), bucket, now, org),
      };
      const at = rows.findIndex((r) => compareRows(row, r) < 0);
      const hidden = count - rows.length;
      count += 1;
      // After the last shown row of a bucket with hidden rows, it is one of the hidden ones.
      if (at >= 0 || hidden === 0) {
        rows = at < 0 ? [...rows, row] : [...rows.slice(0, at), row, ...rows.slice(at)];
        if (rows.length > scope.limit) rows = rows.slice(0, scope.limit);
      }
    }
    return rows === section.rows && count === section.count ? section : { ...section, rows, count };
  });
}
