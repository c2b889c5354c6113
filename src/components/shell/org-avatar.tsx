import { clsx } from "clsx";

/** First letters of the first two words: "Foodtruck Fiesta" → "FF", "Tekup" → "T". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (parts.length > 1 ? parts[0]![0]! + parts[1]![0]! : (parts[0] ?? "?").slice(0, 1)).toUpperCase();
}

export function OrgAvatar({ name, className }: { name: string; className?: string }) {
  return (
    <span aria-hidden className={clsx("avatar rounded-md bg-brand-600 text-white", className)}>
      {initials(name)}
    </span>
  );
}

export function UserAvatar({ name, className }: { name: string; className?: string }) {
  return (
    <span aria-hidden className={clsx("avatar rounded-full bg-zinc-200 text-zinc-700 dark:bg-zinc-700 dark:text-zinc-100", className)}>
      {initials(name)}
    </span>
  );
}
