import { clsx } from "clsx";

/** The mark matches src/app/icon.svg (the favicon). */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 32 32" className={clsx("size-7 shrink-0", className)}>
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <path d="M8 22V10l8 7 8-7v12" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function Logo({ className }: { className?: string }) {
  return (
    <span className={clsx("inline-flex items-center gap-2", className)}>
      <LogoMark />
      <span className="text-base font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Momentum</span>
    </span>
  );
}
