/**
 * An organization's URL slug, from its name: "Fjord Foods A/S" → "fjord-foods-a-s". Slugs are the
 * first path segment (/fjord-foods-a-s/today), so the app's own top-level routes are never one.
 */
export const RESERVED_SLUGS = new Set([
  "api",
  "login",
  "logout",
  "invite",
  "setup",
  "profile",
  "account",
  "settings",
  "admin",
  "new",
  "bench-floor",
  "icon",
  "icons",
  "favicon",
  "robots",
  "manifest",
  "sitemap",
  "static",
  "public",
]);

/** Matches the database's organizations_slug_format check; 64 is the column's length. */
const MAX_LENGTH = 48;

// Letters that NFD does not split into a base letter and a mark (Danish, German, French, Icelandic).
const FOLD: Record<string, string> = { ø: "o", æ: "ae", œ: "oe", ß: "ss", đ: "d", ł: "l", þ: "th", ð: "d" };

export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[øæœßđłþð]/g, (c) => FOLD[c]!)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_LENGTH)
    .replace(/^-+|-+$/g, "");
  if (!slug) return "org";
  return slug.length < 2 || RESERVED_SLUGS.has(slug) ? `${slug}-org` : slug;
}

/**
 * The first free slug among `base`, `base-2`, `base-3`… given the slugs already taken that start
 * with `base` (the caller reads them from the database).
 */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
