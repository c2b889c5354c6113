import { addDays, dayBounds, wallTimeIn, zonedTimeToUtc } from "@/lib/dates/zoned";

import { dueState } from "./rules";

/**
 * The Today queue's buckets, in the org's time zone. Pure, so the data layer (which cuts the
 * buckets in SQL with the same boundaries) and the browser (which places a just-planned or
 * snoozed action without asking the server) share one rule.
 */
export const TODAY_BUCKETS = ["overdue", "today", "upcoming"] as const;
export type TodayBucket = (typeof TODAY_BUCKETS)[number];

/** How far ahead "upcoming" reaches: the next 7 calendar days after today, in the org's zone. */
export const UPCOMING_DAYS = 7;

export type QueueBoundaries = { todayEnd: Date; upcomingEnd: Date };

/** [now, start of tomorrow, start of the day after the 7-day window) in the org's time zone. */
export function queueBoundaries(now: Date, timeZone: string): QueueBoundaries {
  const todayEnd = dayBounds(now, timeZone).end;
  const upcomingEnd = zonedTimeToUtc({ ...addDays(wallTimeIn(now, timeZone), UPCOMING_DAYS + 1), hour: 0, minute: 0 }, timeZone);
  return { todayEnd, upcomingEnd };
}

/**
 * The bucket a pending action due at `dueAt` belongs in at `now`: overdue (before now), today
 * (before the org's midnight), upcoming (before the end of the 7-day window), or null (later; not
 * in the queue).
 */
export function todayBucketOf(dueAt: Date, now: Date, bounds: QueueBoundaries): TodayBucket | null {
  if (dueAt.getTime() >= bounds.upcomingEnd.getTime()) return null;
  return dueState(dueAt, now, bounds.todayEnd);
}
