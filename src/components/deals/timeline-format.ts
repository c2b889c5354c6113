import { formatDate, formatDateTime } from "@/lib/dates/format";
import { formatMoney } from "@/lib/money";

/**
 * Pure wording for the deal page: field changes, stay durations. Kept free of React and of the
 * database so it is unit-tested, and so the timeline and the details card say things the same way.
 */
export type OrgFormat = { locale: string; timeZone: string; currency: string };

export const FIELD_LABELS = {
  title: "title",
  contactName: "contact",
  valueMinor: "value",
  ownerId: "owner",
  probability: "probability",
  sector: "sector",
  source: "source",
  expectedCloseDate: "expected close date",
} as const;

export type ChangeField = keyof typeof FIELD_LABELS;

/** How one field's value reads in a sentence; empty values read as "none". */
export function formatFieldValue(field: ChangeField, value: string | number | null, org: OrgFormat): string {
  if (value === null || value === "") return "none";
  switch (field) {
    case "valueMinor":
      return formatMoney(Number(value), org.currency, org.locale, { exact: true });
    case "probability":
      return `${value} %`;
    case "expectedCloseDate":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, org.locale, org.timeZone) : String(value);
    default:
      return String(value);
  }
}

export function describeChange(
  change: { field: ChangeField; before: string | number | null; after: string | number | null },
  org: OrgFormat,
) {
  const label = FIELD_LABELS[change.field];
  return {
    label,
    before: formatFieldValue(change.field, change.before, org),
    after: formatFieldValue(change.field, change.after, org),
  };
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 days 4 h", "5 h 10 min", "12 min", "under a minute": precise enough to compare stages. */
export function formatStay(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < MINUTE) return "under a minute";
  const days = Math.floor(s / DAY);
  const hours = Math.floor((s % DAY) / HOUR);
  const minutes = Math.floor((s % HOUR) / MINUTE);
  if (days >= 10) return `${days} days`;
  if (days > 0) return hours ? `${days} ${days === 1 ? "day" : "days"} ${hours} h` : `${days} ${days === 1 ? "day" : "days"}`;
  if (hours > 0) return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** Bar widths relative to the longest stay, with a visible minimum so short stays still show. */
export function barPercents(seconds: number[], minimum = 3): number[] {
  const max = Math.max(0, ...seconds);
  if (max === 0) return seconds.map(() => minimum);
  return seconds.map((s) => Math.max(minimum, Math.round((s / max) * 100)));
}

export function formatWhen(at: Date, org: OrgFormat): string {
  return formatDateTime(at, org.locale, org.timeZone);
}
