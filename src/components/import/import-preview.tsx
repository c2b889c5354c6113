"use client";

import { clsx } from "clsx";
import { CircleAlert, CircleCheck } from "lucide-react";
import { useMemo } from "react";

import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/dates/format";
import type { DateOrder, DateReading } from "@/lib/import/dates";
import type { ImportMapping, UnknownOwnerPolicy } from "@/lib/import/fields";
import { columnDateOrder, importDateOrders, type ImportRow, type RowIssue, rowReader } from "@/lib/import/rows";
import type { StageValueChoice } from "@/lib/import/value-map";
import { minorDigits } from "@/lib/money";

import { DateOrderChoice } from "./date-order-choice";
import type { MapperFile, MapperOrg, MapperRefs } from "./types";

type ImportPreviewProps = {
  file: MapperFile;
  mapping: ImportMapping;
  /** The value-mapping step's choices as they stand. */
  stageValues: StageValueChoice[];
  refs: MapperRefs;
  org: MapperOrg;
  unknownOwner: UnknownOwnerPolicy;
  meName: string;
  /** The close-date column's order as chosen in the form (null: as detected), and as saved. */
  dateOrder: DateOrder | null;
  savedDateOrder: DateOrder | null;
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
  return new Intl.NumberFormat(org.locale, { style: "currency", currency: org.currency, minimumFractionDigits: digits }).format(
    minor / 10 ** digits,
  );
}

/**
 * The first rows exactly as they will be imported, read by the same code the import job runs: the
 * amount in the org's currency, the date and how it was read, the stage with its probability, the
 * owner, and every problem with its column.
 */
export function ImportPreview({
  file,
  mapping,
  stageValues,
  refs,
  org,
  unknownOwner,
  meName,
  dateOrder,
  savedDateOrder,
}: ImportPreviewProps) {
  const dateCol = mapping.indexOf("expectedCloseDate");
  // From the sample the preview holds; the check and the import infer it from the whole column.
  const dates = useMemo(() => columnDateOrder(mapping, file.sample, org.locale, dateOrder), [mapping, file.sample, org.locale, dateOrder]);
  const rows = useMemo(() => {
    const read = rowReader({
      headers: file.headers,
      mapping,
      stageValues,
      ...refs,
      currency: org.currency,
      locale: org.locale,
      dateOrder: dates.order,
      historyDateOrders: importDateOrders(mapping, file.sample, org.locale, dates.order).historyDateOrders,
      unknownOwner,
    });
    return file.sample.map((r) => ({ record: r, result: read(r.cells, r.line) }));
  }, [file, mapping, stageValues, refs, org, unknownOwner, dates.order]);
  const reason = refs.lossReasonLabel;

  return (
    <>
      {dateCol >= 0 ? <DateOrderChoice column={file.headers[dateCol] ?? ""} detected={dates} defaultValue={savedDateOrder} /> : null}
      {/* Phones: one card per row, nothing to scroll sideways. */}
      <ul
        className="divide-y divide-zinc-100 md:hidden dark:divide-zinc-800"
        aria-label={`Preview of the first ${rows.length} rows as they will be imported`}
      >
        {rows.map(({ record, result }) => (
          <li key={record.line} className={clsx("space-y-1 px-5 py-3 text-sm", !result.ok && "bg-red-50/60 dark:bg-red-950/20")}>
            <LineMark line={record.line} ok={result.ok} />
            {result.ok ? (
              <>
                <DealText row={result.row} />
                <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <StageText row={result.row} reason={reason} />
                  <span className="tabular-nums">{valueText(result.row.valueMinor, org)}</span>
                </p>
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  Close: <DateText row={result.row} org={org} inline /> · Owner: {result.row.owner?.name ?? `${meName} (you)`}
                </p>
              </>
            ) : (
              <IssueLines issues={result.issues} />
            )}
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Preview of the first {rows.length} rows as they will be imported</caption>
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className={clsx(cell, "pl-5 font-medium")}>
                Line
              </th>
              <th scope="col" className={clsx(cell, "font-medium")}>
                Deal
              </th>
              <th scope="col" className={clsx(cell, "font-medium")}>
                Stage
              </th>
              <th scope="col" className={clsx(cell, "text-right font-medium")}>
                Value
              </th>
              <th scope="col" className={clsx(cell, "font-medium")}>
                Expected close
              </th>
              <th scope="col" className={clsx(cell, "pr-5 font-medium")}>
                Owner
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {rows.map(({ record, result }) => (
              <tr key={record.line} className={clsx(!result.ok && "bg-red-50/60 dark:bg-red-950/20")}>
                <td className={clsx(cell, "pl-5")}>
                  <LineMark line={record.line} ok={result.ok} />
                </td>
                {result.ok ? (
                  <>
                    <td className={cell}>
                      <DealText row={result.row} />
                    </td>
                    <td className={clsx(cell, "whitespace-nowrap")}>
                      <StageText row={result.row} reason={reason} />
                    </td>
                    <td className={clsx(cell, "text-right whitespace-nowrap tabular-nums")}>{valueText(result.row.valueMinor, org)}</td>
                    <td className={cell}>
                      <DateText row={result.row} org={org} />
                    </td>
                    <td className={clsx(cell, "pr-5")}>
                      {result.row.owner?.name ?? <span className="text-zinc-500 dark:text-zinc-400">{meName} (you)</span>}
                    </td>
                  </>
                ) : (
                  <td colSpan={5} className={clsx(cell, "pr-5")}>
                    <IssueLines issues={result.issues} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function LineMark({ line, ok }: { line: number; ok: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-zinc-500 tabular-nums dark:text-zinc-400">
      {ok ? (
        <CircleCheck aria-label="Valid" className="size-4 text-emerald-600 dark:text-emerald-400" />
      ) : (
        <CircleAlert aria-label="Invalid" className="size-4 text-red-600 dark:text-red-400" />
      )}
      <span>
        <span className="md:sr-only">Line </span>
        {line}
      </span>
    </span>
  );
}

function DealText({ row }: { row: ImportRow }) {
  return (
    <>
      <p className="font-medium text-zinc-900 dark:text-zinc-100">{row.title}</p>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {row.contact}
        {row.sector ? ` · ${row.sector}` : ""}
      </p>
      {row.notes ? (
        <p className="mt-0.5 line-clamp-2 text-xs whitespace-pre-line text-zinc-500 italic dark:text-zinc-400">{row.notes}</p>
      ) : null}
    </>
  );
}

/** The stage with its probability; a lost row also says which reason it gets, since the file gives none. */
function StageText({ row, reason }: { row: ImportRow; reason: string | null }) {
  const probability = row.stage.kind === "won" ? 100 : row.stage.kind === "lost" ? 0 : row.stage.probability;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
      <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
        <Badge tone={row.stage.kind === "won" ? "green" : row.stage.kind === "lost" ? "red" : "neutral"}>{row.stage.name}</Badge>
        <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{probability} %</span>
      </span>
      {row.stage.kind === "lost" && reason ? (
        <span className="block w-full text-xs text-zinc-500 dark:text-zinc-400">Reason: {reason} (none in the file)</span>
      ) : null}
    </span>
  );
}

function valueText(minor: number | null, org: MapperOrg) {
  return minor === null ? <span className="text-zinc-400">—</span> : exactMoney(minor, org);
}

function DateText({ row, org, inline = false }: { row: ImportRow; org: MapperOrg; inline?: boolean }) {
  if (!row.expectedCloseDate) return <span className="text-zinc-400">—</span>;
  const reading = READINGS[row.dateReading!];
  return (
    <>
      <span className="whitespace-nowrap">{formatDate(row.expectedCloseDate, org.locale, org.timeZone)}</span>
      {inline ? ` (${reading})` : <span className="block text-xs text-zinc-500 dark:text-zinc-400">{reading}</span>}
    </>
  );
}

function IssueLines({ issues }: { issues: RowIssue[] }) {
  return (
    <ul className="space-y-0.5 text-sm text-red-700 dark:text-red-300">
      {issues.map((issue, i) => (
        <li key={i}>
          {issue.column ? <span className="font-medium">{issue.column}: </span> : null}
          {issue.message}
          {issue.value ? <span className="text-red-600/80 dark:text-red-300/80"> (“{issue.value}”)</span> : null}
        </li>
      ))}
    </ul>
  );
}
