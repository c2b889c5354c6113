import { clsx } from "clsx";
import type { ComponentProps } from "react";

/** Shared by inputs and selects so every control has the same height, border and invalid state. */
export const controlClasses = clsx(
  "block h-9 w-full rounded-md border bg-white px-3 text-sm text-zinc-900 shadow-xs transition-colors",
  "placeholder:text-zinc-400 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500",
  "border-zinc-300 hover:border-zinc-400 dark:border-zinc-700 dark:hover:border-zinc-600",
  "focus-visible:border-brand-500 dark:focus-visible:border-brand-400",
  "aria-invalid:border-red-500 dark:aria-invalid:border-red-400",
  "disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 disabled:hover:border-zinc-300",
  "dark:disabled:bg-zinc-900/50 dark:disabled:text-zinc-400 dark:disabled:hover:border-zinc-700",
  "read-only:bg-zinc-50 dark:read-only:bg-zinc-900/50",
);

/** React 19 passes `ref` as an ordinary prop, so it reaches the <input> through the spread. */
export function Input({ className, ...rest }: ComponentProps<"input">) {
  return <input className={clsx(controlClasses, className)} {...rest} />;
}
