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

export function currentYearIn(timeZone: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en", { year: "numeric", timeZone }).format(now);
  } catch {
    return String(now.getUTCFullYear());
  }
}

export const ROLE_TONES: Record<Role, "brand" | "green" | "neutral"> = { admin: "brand", manager: "green", rep: "neutral" };
