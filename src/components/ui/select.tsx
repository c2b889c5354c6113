import { clsx } from "clsx";
import type { ComponentProps } from "react";

import { controlClasses } from "./input";

/**
 * A native select: full keyboard and screen-reader support, the platform picker on mobile, and
 * it works with ordinary form tooling. Styled to match the inputs, with our own chevron.
 */
export function Select({ className, children, ...rest }: ComponentProps<"select">) {
  return (
    <div className={clsx("relative", className)}>
      <select className={clsx(controlClasses, "appearance-none pr-8")} {...rest}>
        {children}
      </select>
      <svg
        aria-hidden
        viewBox="0 0 16 16"
        className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-zinc-500 dark:text-zinc-400"
      >
        <path d="M4.5 6.5 8 10l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </div>
  );
}
