import { clsx } from "clsx";

/** Decorative placeholder; the surrounding loading UI carries the accessible "Loading…" text. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={clsx("animate-pulse rounded-md bg-zinc-200/80 dark:bg-zinc-800", className)} />;
}
