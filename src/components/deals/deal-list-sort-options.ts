import type { DealSortKey, SortDirection } from "@/lib/schemas/deal-filters";

/** Every sort the list offers, as the "Sort" select spells it (column headers offer the same). */
export const DEAL_SORT_OPTIONS: { sort: DealSortKey; dir: SortDirection; label: string }[] = [
  { sort: "created", dir: "desc", label: "Newest first" },
  { sort: "created", dir: "asc", label: "Oldest first" },
  { sort: "due", dir: "asc", label: "Next action, most urgent first" },
  { sort: "due", dir: "desc", label: "Next action, latest first" },
  { sort: "value", dir: "desc", label: "Value, highest first" },
  { sort: "value", dir: "asc", label: "Value, lowest first" },
  { sort: "weighted", dir: "desc", label: "Weighted value, highest first" },
  { sort: "weighted", dir: "asc", label: "Weighted value, lowest first" },
  { sort: "close", dir: "asc", label: "Expected close, soonest first" },
  { sort: "close", dir: "desc", label: "Expected close, latest first" },
  { sort: "stage", dir: "asc", label: "Stage, pipeline order" },
  { sort: "stage", dir: "desc", label: "Stage, reverse order" },
  { sort: "title", dir: "asc", label: "Title, A to Z" },
  { sort: "title", dir: "desc", label: "Title, Z to A" },
  { sort: "owner", dir: "asc", label: "Owner, A to Z" },
  { sort: "owner", dir: "desc", label: "Owner, Z to A" },
];
