"use client";

import { clsx } from "clsx";

import type { ValidationSummary } from "@/server/data/imports/validate";

import { IssueList } from "./issue-list";

function Stat({ label, value, tone }: { label: string; value: string; tone?: "red" | "green" | "amber" }) {
  return (
    <div className="rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <p
        className={clsx(
          "text-xl font-semibold tabular-nums",
          tone === "red"
            ? "text-red-700 dark:text-red-300"
            : tone === "green"
              ? "text-emerald-700 dark:text-emerald-300"
              : tone === "amber"
                ? "text-amber-700 dark:text-amber-300"
                : "text-zinc-900 dark:text-zinc-100",
        )}
      >
        {value}
      </p>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{label}</p>
    </div>
  );
}

/** What "Check all rows" found, and what the import would do with the chosen mode. */
export function CheckReport({ summary, locale }: { summary: ValidationSummary; locale: string }) {
  const n = new Intl.NumberFormat(locale);
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-2 px-5 sm:grid-cols-4">
        <Stat label="rows in the file" value={n.format(summary.totalRows)} />
        <Stat label="with errors" value={n.format(summary.invalidRows)} tone={summary.invalidRows > 0 ? "red" : undefined} />
        <Stat label="will be created" value={n.format(summary.willCreate)} tone="green" />
        <Stat label="will be updated" value={n.format(summary.willUpdate)} tone={summary.willUpdate > 0 ? "amber" : undefined} />
      </div>
      <p className="px-5 text-sm text-zinc-600 dark:text-zinc-400">
        {n.format(summary.validRows)} valid row(s); {n.format(summary.duplicates)} match an existing deal; {n.format(summary.willSkip)} will
        be skipped.
      </p>
      {summary.issues.length > 0 ? (
        <div className="border-t border-zinc-200 dark:border-zinc-800">
          <IssueList issues={summary.issues} caption="Problems found in the file" />
          {summary.issueCount > summary.issues.length ? (
            <p className="border-t border-zinc-200 px-5 py-2 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              The first {n.format(summary.issues.length)} of {n.format(summary.issueCount)} are shown; the full report stays with the
              import.
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
