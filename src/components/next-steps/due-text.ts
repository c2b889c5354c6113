const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How far a due time is from now, in the app's (English) copy: "45 min late", "3 h late",
 * "2 days late", "in 20 min", "in 3 days". Whole units, rounded down for lateness so "late"
 * never overstates, and always at least 1 so "0 min late" never appears.
 */
export function dueDistance(dueAt: Date, now: Date): { late: boolean; text: string } {
  const diff = dueAt.getTime() - now.getTime();
  const late = diff < 0;
  const abs = Math.abs(diff);
  const amount =
    abs < HOUR
      ? `${Math.max(1, Math.floor(abs / MINUTE))} min`
      : abs < DAY
        ? `${Math.floor(abs / HOUR)} h`
        : plural(Math.floor(abs / DAY), "day");
  return { late, text: late ? `${amount} late` : `in ${amount}` };
}

function plural(n: number, unit: string) {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
