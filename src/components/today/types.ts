import type { NextStepForCompletion } from "@/components/next-steps/types";
import type { TodayBucket } from "@/lib/deals/today-buckets";

export type { TodayBucket };

/** One queue row, formatted on the server in the org's locale, currency and time zone. */
export type QueueRowView = {
  action: NextStepForCompletion;
  value: string;
  /** The deal's stage and probability as the row's badge shows them: "Proposal · 50 %". */
  stage: string;
  /** "14:00" for today, "Mon 23 Nov, 14:00" otherwise. */
  due: string;
  /** "3 h late", "in 2 days". */
  distance: string;
};

export type QueueSectionView = {
  bucket: TodayBucket;
  rows: QueueRowView[];
  /** The true number of actions in the bucket (rows are capped). */
  count: number;
  /** Where "and N more" leads: the deals list with the matching filter. */
  moreHref: string;
};

/** A row as it travels to the browser: without its owner when every row shares one (see sharedOwner). */
export type SentQueueRow = Omit<QueueRowView, "action"> & {
  action: Omit<QueueRowView["action"], "ownerId" | "ownerName"> & Partial<Pick<QueueRowView["action"], "ownerId" | "ownerName">>;
};
export type SentQueueSection = Omit<QueueSectionView, "rows"> & { rows: SentQueueRow[] };
export type RowOwner = { id: string; name: string };
