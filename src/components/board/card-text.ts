/** Small text helpers for the cards, derived on the client from the card's few fields (pure, no Intl). */

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]!, parts.at(-1)!] : parts.slice(0, 1);
  return letters.map((p) => Array.from(p)[0]!.toUpperCase()).join("") || "?";
}

export function staleText(days: number, staleAfterDays: number): { label: string; title: string } {
  return {
    label: `Stale · ${days} d`,
    title: `No completed action for ${days} days; this stage flags deals after ${staleAfterDays}.`,
  };
}

export function dealHref(orgSlug: string, dealId: string): string {
  return `/${orgSlug}/deals/${dealId}`;
}
