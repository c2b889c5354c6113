import type { OrgDisplay } from "@/components/next-steps/types";
import { formatDateTime, formatTime } from "@/lib/dates/format";
import { describeDue } from "@/lib/dates/relative";
import { TODAY_BUCKETS } from "@/lib/deals/today-buckets";
import { formatMoney } from "@/lib/money";
import { UI_LANGUAGE } from "@/lib/ui-language";
import type { TodayQueue, TodayRow } from "@/server/data/today-queue";

import type { QueueRowView, QueueSectionView, RowOwner, SentQueueRow, SentQueueSection, TodayBucket } from "./types";

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
    distance: describeDue(dueAt, now, { language: UI_LANGUAGE, timeZone: org.timeZone }).text,
  };
}

/**
 * What the page sends: a rep's queue (or one rep's, filtered) names the same owner on every row,
 * so the owner travels once beside the rows instead of ~90 bytes per row in the RSC payload.
 */
export function sharedOwner(sections: QueueSectionView[]): { sections: SentQueueSection[]; owner: RowOwner | null } {
  const actions = sections.flatMap((s) => s.rows.map((r) => r.action));
  const first = actions[0];
  if (!first || actions.some((a) => a.ownerId !== first.ownerId)) return { sections, owner: null };
  return {
    owner: { id: first.ownerId, name: first.ownerName },
    sections: sections.map((s) => ({ ...s, rows: s.rows.map((r) => ({ ...r, action: withoutOwner(r.action) })) })),
  };
}

function withoutOwner({ ownerId: _id, ownerName: _name, ...action }: QueueRowView["action"]): SentQueueRow["action"] {
  return action;
}

/** The browser's side of sharedOwner: every row with its owner again. */
export function withRowOwner(sections: SentQueueSection[], owner: RowOwner | null): QueueSectionView[] {
  return sections.map((s) => ({
    ...s,
    rows: s.rows.map((r) => ({
      ...r,
      action: { ...r.action, ownerId: r.action.ownerId ?? owner?.id ?? "", ownerName: r.action.ownerName ?? owner?.name ?? "" },
    })),
  }));
}
