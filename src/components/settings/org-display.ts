import type { Role } from "@/lib/permissions";
import { CURRENCIES, LOCALES } from "@/lib/schemas/organization";

import type { Option } from "./org-regional-fields";

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

/** The browser's own time zone (an IANA name, which the settings accept): a sensible default for a new org. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

// Computed once per process (server) or page (browser): the IANA list is long and never changes.
let timeZones: string[] | undefined;

/** The regional fields' choices (labels in English, like the rest of the UI): the settings form's lists. */
export function regionalOptions(): { currencyOptions: Option[]; localeOptions: Option[]; timeZones: string[] } {
  timeZones ??= Intl.supportedValuesOf("timeZone");
  return {
    currencyOptions: CURRENCIES.map((code) => ({ value: code, label: currencyLabel(code) })),
    localeOptions: LOCALES.map((tag) => ({ value: tag, label: localeLabel(tag) })),
    timeZones,
  };
}
