import type { Role } from "@/lib/permissions";

/**
 * Display helpers for org settings. The UI copy is English, so names come from English display
 * names; numbers and times use the org's own locale and time zone, as its users expect.
 */
export function currencyLabel(code: string): string {
  const name = safeDisplayName("currency", code);
  return name && name !== code ? `${code} — ${name}` : code;
}

export function localeLabel(tag: string): string {
  const name = safeDisplayName("language", tag);
  return name && name !== tag ? `${name} · ${tag}` : tag;
}

function safeDisplayName(type: "currency" | "language", code: string): string | undefined {
  try {
    return new Intl.DisplayNames("en", { type }).of(code);
  } catch {
    return undefined;
  }
}

export function formatPercent(percent: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(percent / 100);
  } catch {
    return `${percent} %`;
  }
}

/** What the next sale number will look like (the format is prefix-year-sequence, e.g. RS-2026-0001). */
export function saleNumberExample(prefix: string, timeZone: string, now = new Date()): string {
  return `${prefix || "S"}-${currentYearIn(timeZone, now)}-0001`;
}

export function currentYearIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en", { year: "numeric", timeZone }).format(now);
  } catch {
    return String(now.getUTCFullYear());
  }
}

export function formatLocalTime(timeZone: string, locale: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone }).format(now);
  } catch {
    return "";
  }
}

/** "Good morning" etc. by the hour in the org's time zone, where the user's working day happens. */
export function greetingFor(timeZone: string, now = new Date()): string {
  let hour = now.getUTCHours();
  try {
    hour = Number(new Intl.DateTimeFormat("en-GB", { hour: "numeric", hourCycle: "h23", timeZone }).format(now));
  } catch {
    // Fall back to UTC hours.
  }
  if (hour < 5) return "Good evening";
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Full access: organization settings, members and every deal.",
  manager: "Sees and manages every rep's deals, reopens closed deals and runs imports.",
  rep: "Works your own deals and their next actions.",
};

export const ROLE_TONES: Record<Role, "brand" | "green" | "neutral"> = { admin: "brand", manager: "green", rep: "neutral" };
