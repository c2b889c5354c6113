import { clsx } from "clsx";
import type { ReactNode } from "react";

/** Decorative placeholder; the surrounding loading UI carries the accessible "Loading…" text. */
export function Skeleton({ className }: { className?: string }) {
  // `.skeleton` (app/globals.css): loading screens are sent in every page's RSC payload.
  return <div aria-hidden className={clsx("skeleton", className)} />;
}

type LoadingScreenProps = {
  /** What is loading, for screen readers ("Loading deals…"). */
  label: string;
  /** Widths of the page title and description placeholders (Tailwind classes). */
  title: string;
  description: string;
  /** Width of the header button's placeholder, for pages with one (e.g. "New deal"). */
  action?: string;
  className?: string;
  children?: ReactNode;
};

/**
 * A loading.tsx screen: one live region that says what is loading, the page header's placeholders,
 * then the page's own shape (children).
 */
export function LoadingScreen({ label, title, description, action, className, children }: LoadingScreenProps) {
  return (
    <div role="status" aria-live="polite" className={className}>
      <span className="sr-only">{label}</span>
      <div className="mb-8 flex items-end justify-between gap-4">
        <div className="min-w-0 flex-1 space-y-2">
          <Skeleton className={clsx("h-7", title)} />
          <Skeleton className={clsx("h-4 max-w-full", description)} />
        </div>
        {action ? <Skeleton className={clsx("h-9", action)} /> : null}
      </div>
      {children}
    </div>
  );
}
