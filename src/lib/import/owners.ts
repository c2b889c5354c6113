import { foldLabel } from "./text";

export type ImportMember = { userId: string; name: string; email: string };
export type OwnerMatch = { ok: true; member: ImportMember } | { ok: false; message: string };
export type OwnerMatcher = (raw: string) => OwnerMatch;

/**
 * Owners are matched to the org's members by email, by full name (case- and accent-insensitive),
 * or by a first name or email local part that only one member has ("Sofie" in a team with one Sofie).
 */
export function ownerMatcher(members: ImportMember[]): OwnerMatcher {
  const exact = new Map<string, ImportMember | null>();
  const loose = new Map<string, ImportMember | null>();
  const add = (map: Map<string, ImportMember | null>, key: string, m: ImportMember) => {
    if (!key) return;
    const seen = map.get(key);
    map.set(key, seen === undefined || seen?.userId === m.userId ? m : null); // null: ambiguous
  };
  for (const m of members) {
    add(exact, m.email.trim().toLowerCase(), m);
    add(exact, foldLabel(m.name), m);
    add(loose, foldLabel(m.name).split(" ")[0] ?? "", m);
    add(loose, foldLabel(m.email.split("@")[0] ?? ""), m);
  }
  return (raw) => {
    const email = raw.trim().toLowerCase();
    const folded = foldLabel(raw);
    if (!folded) return { ok: false, message: "Owner is empty" };
    let ambiguous = false;
    for (const candidate of [exact.get(email), exact.get(folded), loose.get(folded)]) {
      if (candidate) return { ok: true, member: candidate };
      if (candidate === null) ambiguous = true;
    }
    if (ambiguous) return { ok: false, message: `“${raw.trim()}” matches several members: use the full name or email` };
    return { ok: false, message: `“${raw.trim()}” is not a member of this organization` };
  };
}
