import { dueDistance } from "@/components/next-steps/due-text";
import type { OrgDisplay } from "@/components/next-steps/types";
import { formatDateTime, formatTime } from "@/lib/dates/format";
import { TODAY_BUCKETS } from "@/lib/deals/today-buckets";
import { formatMoney } from "@/lib/money";
import type { TodayQueue, TodayRow } from "@/server/data/today-queue";

import type { QueueRowView, QueueSectionView, TodayBucket } from "./types";

/**
 * Turns the data layer's queue into what the client renders: every date, distance and amount is
 * formatted here, on the server, in the org's locale, currency and zone, so the browser renders
 * text verbatim (no hydration drift across a minute boundary, no browser-zone mistakes).
 */
export function buildQueueSections(queue: TodayQueue, org: OrgDisplay, moreHref: (bucket: TodayBucket) => string): QueueSectionView[] {
  return TODAY_BUCKETS.map((bucket) => ({
    bucket,
    count: queue.counts[bucket],
    moreHref: moreHref(bucket),
    rows: queue.rows[bucket].map((row) => toRowView(row, bucket, queue.now, org)),
  }));
}

export function toRowView(row: TodayRow, bucket: TodayBucket, now: Date, org: OrgDisplay): QueueRowView {
  return {
    action: {
      id: row.actionId,
      type: row.type,
      details: row.details,
      dueAt: row.dueAt.toISOString(),
      ownerId: row.ownerId,
      ownerName: row.ownerName,
      deal: { id: row.dealId, title: row.dealTitle, contactName: row.contactName },
    },
    value: formatMoney(row.valueMinor, row.currency, org.locale),
    stage: `${row.stageName} · ${row.probability} %`,
    ...dueTexts(row.dueAt, bucket, now, org),
  };
}

/** A row's due time as shown in its bucket: the time alone for today, date and time otherwise; and how far off it is. */
export function dueTexts(dueAt: Date, bucket: TodayBucket, now: Date, org: OrgDisplay): Pick<QueueRowView, "due" | "distance"> {
  return {
    due: bucket === "today" ? formatTime(dueAt, org.locale, org.timeZone) : formatDateTime(dueAt, org.locale, org.timeZone),
    distance: dueDistance(dueAt, now).text,
  };
}
