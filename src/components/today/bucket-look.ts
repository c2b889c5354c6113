import type { TodayBucket } from "./types";

export const BUCKET_LOOK: Record<
  TodayBucket,
  { title: string; short: string; empty: string; more: string; accent: string; count: string }
> = {
  overdue: {
    title: "Overdue",
    short: "Overdue",
    empty: "Nothing overdue.",
    more: "overdue",
    accent: "border-l-red-500 dark:border-l-red-500",
    count: "text-red-700 dark:text-red-400",
  },
  today: {
    title: "Due today",
    short: "Due today",
    empty: "Nothing else due today.",
    more: "due today",
    accent: "border-l-amber-500 dark:border-l-amber-400",
    count: "text-amber-700 dark:text-amber-300",
  },
  upcoming: {
    title: "Next 7 days",
    short: "Next 7 days",
    empty: "Nothing planned for the next 7 days.",
    more: "in the next 7 days",
    accent: "border-l-zinc-300 dark:border-l-zinc-600",
    count: "text-zinc-900 dark:text-zinc-100",
  },
};
