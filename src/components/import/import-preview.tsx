"use client";

import { clsx } from "clsx";
import { CircleAlert, CircleCheck } from "lucide-react";
import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/dates/format";
import type { DateReading } from "@/lib/import/dates";
import type { ImportMapping, UnknownOwnerPolicy } from "@/lib/import/fields";
import { rowReader } from "@/lib/import/rows";
import { minorDigits } from "@/lib/money";
import type { MapperFile, MapperOrg, MapperRefs } from "./types";

type ImportPreviewProps = {
  file: MapperFile;
  mapping: ImportMapping;
  refs: MapperRefs;
  org: MapperOrg;
  unknownOwner: UnknownOwnerPolicy;
  meName: string;
};

const READINGS: Record<DateReading, string> = {
  iso: "year-month-day",
  "day-first": "read day first",
  "month-first": "read month first",
  "month-name": "month by name",
};

const cell = "px-3 py-2.5 align-top";

/** With the cents: the preview shows the amount exactly as it was read (lists round to whole units). */
function exactMoney(minor: number, org: MapperOrg): string {
  const digits = minorDigits(org.currency);
  return new Intl.NumberFormat(org.locale, { style: "currency", currency: org.currency, minimumFractionDigits: digits }).format(minor / 10 ** digits);
}

/**
 * The first rows exactly as they will be imported, read by the same code the import job runs: the
 * amount in the org's currency, the date and how it was read, the stage with its probability, the
 * owner, and every problem with its column.
 */
export function ImportPreview({ file, mapping, refs, org, unknownOwner, meName }: ImportPreviewProps) {
  const rows = useMemo(() => {
    const read = rowReader({ headers: file.headers, mapping, ...refs, currency: org.currency, locale: org.locale, unknownOwner });
    return file.sample.map((r) => ({ record: r, result: read(r.cells, r.line) }));
  }, [file, mapping, refs, org, unknownOwner]);

  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">Preview of the first {rows.length} rows as they will be imported</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={clsx(cell, "pl-5 font-medium")}>Line</th>
            <th scope="col" className={clsx(cell, "font-medium")}>Deal</th>
            <th scope="col" className={clsx(cell, "font-medium")}>Stage</th>
            <th scope="col" className={clsx(cell, "text-right font-medium")}>Value</th>
            <th scope="col" className={clsx(cell, "font-medium")}>Expected close</th>
            <th scope="col" className={clsx(cell, "pr-5 font-medium")}>Owner</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map(({ record, result }) => (
            <tr key={record.line} className={clsx(!result.ok && "bg-red-50/60 dark:bg-red-950/20")}>
              <td className={clsx(cell, "pl-5 text-zinc-500 tabular-nums dark:text-zinc-400")}>
                <span className="inline-flex items-center gap-1.5">
                  {result.ok ? (
                    <CircleCheck aria-label="Valid" className="size-4 text-emerald-600 dark:text-emerald-400" />
                  ) : (
                    <CircleAlert aria-label="Invalid" className="size-4 text-red-600 dark:text-red-400" />
                  )}
                  {record.line}
                </span>
              </td>
              {result.ok ? (
                <>
                  <td className={cell}>
                    <p className="font-medium text-zinc-900 dark:text-zinc-100">{result.row.title}</p>
                    <p className="text-xs text-zinc-500 dark:text-zinc-400">
                      {result.row.contact}
                      {result.row.sector ? ` · ${result.row.sector}` : ""}
                    </p>
                    {result.row.notes ? <p className="mt-0.5 line-clamp-2 text-xs whitespace-pre-line text-zinc-500 italic dark:text-zinc-400">{result.row.notes}</p> : null}
                  </td>
                  <td className={cell}>
                    <Badge tone={result.row.stage.kind === "won" ? "green" : result.row.stage.kind === "lost" ? "red" : "neutral"}>
                      {result.row.stage.name}
                    </Badge>
                    <span className="ml-1.5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                      {result.row.stage.kind === "won" ? 100 : result.row.stage.kind === "lost" ? 0 : result.row.stage.probability} %
                    </span>
                  </td>
                  <td className={clsx(cell, "text-right whitespace-nowrap tabular-nums")}>
                    {result.row.valueMinor === null ? <span className="text-zinc-400">—</span> : exactMoney(result.row.valueMinor, org)}
                  </td>
                  <td className={cell}>
                    {result.row.expectedCloseDate ? (
                      <>
                        <span className="whitespace-nowrap">{formatDate(result.row.expectedCloseDate, org.locale, org.timeZone)}</span>
                        <span className="block text-xs text-zinc-500 dark:text-zinc-400">{READINGS[result.row.dateReading!]}</span>
                      </>
                    ) : (
                      <span className="text-zinc-400">—</span>
                    )}
                  </td>
                  <td className={clsx(cell, "pr-5")}>{result.row.owner?.name ?? <span className="text-zinc-500 dark:text-zinc-400">{meName} (you)</span>}</td>
                </>
              ) : (
                <td colSpan={5} className={clsx(cell, "pr-5")}>
                  <ul className="space-y-0.5 text-sm text-red-700 dark:text-red-300">
                    {result.issues.map((issue, i) => (
                      <li key={i}>
                        {issue.column ? <span className="font-medium">{issue.column}: </span> : null}
                        {issue.message}
                        {issue.value ? <span className="text-red-600/80 dark:text-red-300/80"> (“{issue.value}”)</span> : null}
                      </li>
                    ))}
                  </ul>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
