import { clsx } from "clsx";
import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "brand" | "green" | "amber" | "red";

/** The styles are the `.badge*` classes of app/globals.css: lists show a badge or two per row. */
export function Badge({ tone = "neutral", className, children }: { tone?: BadgeTone; className?: string; children: ReactNode }) {
  return <span className={clsx("badge", `badge-${tone}`, className)}>{children}</span>;
}
