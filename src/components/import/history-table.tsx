import { clsx } from "clsx";
import Link from "next/link";

import { formatDateTime } from "@/lib/dates/format";
import { IMPORT_MODE_LABELS } from "@/lib/import/fields";
import type { ImportHistoryRow } from "@/server/data/imports/drafts";

import { RevertButton } from "./revert-button";
import { ImportStatusBadge } from "./status-badge";

type HistoryTableProps = { org: { slug: string; locale: string; timeZone: string }; rows: ImportHistoryRow[]; compact?: boolean };

const cell = "px-3 py-3 align-top";
const num = clsx(cell, "text-right tabular-nums");

/** Who imported what, when, how, with what outcome — and the revert button while it can still be reverted. */
export function HistoryTable({ org, rows, compact = false }: HistoryTableProps) {
  const n = new Intl.NumberFormat(org.locale);
  const count = (v: number, status: string) => (status === "completed" || status === "reverted" ? n.format(v) : "–");
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Imports, newest first</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={clsx(cell, "pl-5 font-medium")}>
              File
            </th>
            <th scope="col" className={clsx(cell, "font-medium", compact ? "hidden" : "hidden md:table-cell")}>
              Mode
            </th>
            <th scope="col" className={clsx(num, "font-medium hidden sm:table-cell")}>
              Created
            </th>
            <th scope="col" className={clsx(num, "font-medium hidden sm:table-cell")}>
              Updated
            </th>
            <th scope="col" className={clsx(num, "font-medium", compact ? "hidden" : "hidden lg:table-cell")}>
              Skipped
            </th>
            <th scope="col" className={clsx(num, "font-medium", compact ? "hidden" : "hidden lg:table-cell")}>
              Failed
            </th>
            <th scope="col" className={clsx(cell, "font-medium")}>
              Status
            </th>
            <th scope="col" className={clsx(cell, "pr-5 text-right font-medium")}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((r) => (
            <tr key={r.id} className="hover:bg-zinc-50/80 dark:hover:bg-zinc-800/40">
              <td className={clsx(cell, "pl-5")}>
                <Link
                  href={`/${org.slug}/import/${r.id}`}
                  className="font-medium break-all text-zinc-900 hover:text-brand-700 hover:underline dark:text-zinc-100 dark:hover:text-brand-300"
                >
                  {r.fileName}
                </Link>
                <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
                  {formatDateTime(r.createdAt, org.locale, org.timeZone)} · {r.createdByName ?? "A former member"} · {n.format(r.totalRows)}{" "}
                  rows
                </p>
              </td>
              <td className={clsx(cell, "whitespace-nowrap text-zinc-600 dark:text-zinc-400", compact ? "hidden" : "hidden md:table-cell")}>
                {IMPORT_MODE_LABELS[r.mode].label}
              </td>
              <td className={clsx(num, "hidden sm:table-cell")}>{count(r.createdCount, r.status)}</td>
              <td className={clsx(num, "hidden sm:table-cell")}>{count(r.updatedCount, r.status)}</td>
              <td className={clsx(num, compact ? "hidden" : "hidden lg:table-cell")}>{count(r.skippedCount, r.status)}</td>
              <td className={clsx(num, compact ? "hidden" : "hidden lg:table-cell")}>{count(r.failedCount, r.status)}</td>
              <td className={cell}>
                <ImportStatusBadge status={r.status} />
                {r.status === "reverted" && r.revertedAt ? (
                  <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{formatDateTime(r.revertedAt, org.locale, org.timeZone)}</p>
                ) : null}
              </td>
              <td className={clsx(cell, "pr-5 text-right")}>
                {r.status === "completed" && r.createdCount + r.updatedCount > 0 ? (
                  <RevertButton
                    orgSlug={org.slug}
                    importId={r.id}
                    fileName={r.fileName}
                    created={r.createdCount}
                    updated={r.updatedCount}
                  />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
