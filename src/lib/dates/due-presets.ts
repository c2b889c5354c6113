import { addDays, wallTimeIn, zonedTimeToUtc } from "./zoned";

export type DuePreset = "later-today" | "tomorrow-9" | "in-3-days" | "next-week";

export const DUE_PRESET_LABELS: Record<DuePreset, string> = {
  "later-today": "Later today",
  "tomorrow-9": "Tomorrow 9:00",
  "in-3-days": "In 3 days",
  "next-week": "Next week",
};

/**
 * Quick due times in the org's zone. "Later today" is three hours from now, but never past 18:00
 * (then it becomes tomorrow 9:00, since nobody plans a call for 22:00); "in 3 days" and "next week"
 * (next Monday) land at 9:00.
 */
export function duePresetAt(preset: DuePreset, now: Date, timeZone: string): Date {
  const today = wallTimeIn(now, timeZone);
  const at9 = (w: { year: number; month: number; day: number }) => zonedTimeToUtc({ ...w, hour: 9, minute: 0 }, timeZone);
  switch (preset) {
    case "later-today": {
      const later = new Date(now.getTime() + 3 * 3_600_000);
      const w = wallTimeIn(later, timeZone);
      const sameDay = w.day === today.day && w.month === today.month;
      if (sameDay && w.hour < 18) return zonedTimeToUtc({ ...w, minute: w.minute < 30 ? 0 : 30 }, timeZone);
      return at9(addDays(today, 1));
    }
    case "tomorrow-9":
      return at9(addDays(today, 1));
    case "in-3-days":
      return at9(addDays(today, 3));
    case "next-week": {
      const daysToMonday = (8 - today.weekday) % 7 || 7;
      return at9(addDays(today, daysToMonday));
    }
  }
}
