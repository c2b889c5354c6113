/**
 * Wall-clock ↔ instant conversions in an IANA time zone using only Intl (works in the browser and
 * on the server). "Today" for a rep is the org's today, not the server's or the browser's.
 */
export type WallTime = { year: number; month: number; day: number; hour: number; minute: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function wallTimeIn(instant: Date, timeZone: string): WallTime & { weekday: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: weekdays.indexOf(parts.weekday!),
  };
}

/** Offset (ms) of the zone from UTC at the given instant. */
function offsetAt(instant: Date, timeZone: string): number {
  const w = wallTimeIn(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, instant.getUTCSeconds(), instant.getUTCMilliseconds());
  return asUtc - instant.getTime();
}

/**
 * The instant at which the zone's clocks show `wall`. In a DST gap (the wall time does not exist)
 * the time is read with the offset from before the jump, i.e. it lands just after it; in an
 * overlap (the wall time happens twice), the earlier instant.
 */
export function zonedTimeToUtc(wall: WallTime, timeZone: string): Date {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = offsetAt(new Date(guess - 12 * 3_600_000), timeZone);
  const after = offsetAt(new Date(guess + 12 * 3_600_000), timeZone);
  const matches = [guess - before, guess - after].filter((t) => {
    const w = wallTimeIn(new Date(t), timeZone);
    return w.hour === wall.hour && w.minute === wall.minute && w.day === wall.day;
  });
  return new Date(matches.length ? Math.min(...matches) : guess - before);
}

/** Adds calendar days to a wall date (month/year roll-over handled by Date.UTC). */
export function addDays(wall: WallTime, days: number): WallTime {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days, wall.hour, wall.minute));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** [start of today, start of tomorrow) in the zone. */
export function dayBounds(instant: Date, timeZone: string): { start: Date; end: Date } {
  const w = wallTimeIn(instant, timeZone);
  return {
    start: zonedTimeToUtc({ ...w, hour: 0, minute: 0 }, timeZone),
    end: zonedTimeToUtc({ ...addDays(w, 1), hour: 0, minute: 0 }, timeZone),
  };
}

/** "2026-11-21T09:30" as shown by <input type="datetime-local">, in the zone. */
export function toLocalInputValue(instant: Date, timeZone: string): string {
  const w = wallTimeIn(instant, timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}

export function fromLocalInputValue(value: string, timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  if (mo! < 1 || mo! > 12 || d! < 1 || d! > 31 || h! > 23 || mi! > 59) return null;
  return zonedTimeToUtc({ year: y!, month: mo!, day: d!, hour: h!, minute: mi! }, timeZone);
}
