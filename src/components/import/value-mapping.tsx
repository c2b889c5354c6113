"use client";

import { Select } from "@/components/ui/select";
import type { ImportMapping } from "@/lib/import/fields";
import type { ImportStage } from "@/lib/import/stages";
import { readDealStatus } from "@/lib/import/status";
import type { StageValueChoice, ValueCount } from "@/lib/import/value-map";

type ValueMappingProps = {
  headers: string[];
  mapping: ImportMapping;
  /** The upload's distinct values per column (null: too many to list, or an upload older than this step). */
  valueCounts: (ValueCount[] | null)[] | null;
  stages: ImportStage[];
  /** The stage column's listed values and where each goes now (saved, remembered or named). */
  choices: StageValueChoice[] | null;
  lossReasonLabel: string | null;
  locale: string;
  disabled?: boolean;
};

const STATUS_LABELS = { open: "stay in their stage", won: "go to", lost: "go to" } as const;

/**
 * The value-mapping step: every distinct value of the stage column with its number of rows, and the
 * org's stage its rows go to (won and lost included). Each select is the form's
 * `stageValues.<i>.stageId` beside a hidden `stageValues.<i>.value`. A status column (open / won /
 * lost) is summed up: won and lost rows go to Won and Lost whatever their stage.
 */
export function ValueMapping({ headers, mapping, valueCounts, stages, choices, lossReasonLabel, locale, disabled }: ValueMappingProps) {
  const n = new Intl.NumberFormat(locale);
  const rows = (count: number) => `${n.format(count)} ${count === 1 ? "row" : "rows"}`;
  const stageCol = mapping.indexOf("stage");
  const statusCol = mapping.indexOf("status");
  const firstOpen = stages.find((s) => s.kind === "open");
  const lost = stages.find((s) => s.kind === "lost");
  const won = stages.find((s) => s.kind === "won");
  const counts = stageCol >= 0 ? (valueCounts?.[stageCol] ?? null) : null;
  const blank = counts?.find((c) => c.value === "")?.count ?? 0;
  const countOf = new Map(counts?.map((c) => [c.value, c.count]));
  const statusCounts = statusCol >= 0 ? (valueCounts?.[statusCol] ?? null) : null;

  return (
    <div className="space-y-4 px-5 pb-5">
      {stageCol < 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No column is mapped to the stage: {statusCol >= 0 ? "open rows start" : "every deal starts"} in “{firstOpen?.name}”.
        </p>
      ) : choices === null ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {valueCounts
            ? `“${headers[stageCol]}” has too many different values to list: each is matched to the stage of the same name.`
            : `Each value of “${headers[stageCol]}” is matched to the stage of the same name. Upload the file again to map its values one by one.`}
        </p>
      ) : (
        <ul key={stageCol} className="divide-y divide-zinc-100 dark:divide-zinc-800" aria-label={`Values of ${headers[stageCol]}`}>
          {choices.map((choice, i) => {
            const id = `stage-value-${i}`;
            return (
              <li key={choice.value} className="grid gap-2 py-2.5 sm:grid-cols-[minmax(0,1fr)_7rem_14rem] sm:items-center sm:gap-4">
                <label htmlFor={id} className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100" title={choice.value}>
                  {choice.value}
                </label>
                <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{rows(countOf.get(choice.value) ?? 0)}</span>
                <input type="hidden" name={`stageValues.${i}.value`} value={choice.value} />
                <Select id={id} name={`stageValues.${i}.stageId`} defaultValue={choice.stageId ?? ""} disabled={disabled}>
                  <option value="">Not mapped: refuse these rows</option>
                  <optgroup label="Open stages">
                    {stages
                      .filter((s) => s.kind === "open")
                      .map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                  </optgroup>
                  <optgroup label="Closed">
                    {[won, lost].map((s) =>
                      s ? (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ) : null,
                    )}
                  </optgroup>
                </Select>
              </li>
            );
          })}
        </ul>
      )}
      {blank > 0 ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {rows(blank)} without a stage start in “{firstOpen?.name}”{statusCol >= 0 ? " unless their status says won or lost" : ""}.
        </p>
      ) : null}
      {statusCol >= 0 ? (
        <div className="rounded-lg border border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800">
          <p className="font-medium text-zinc-900 dark:text-zinc-100">Status column “{headers[statusCol]}”</p>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            It decides before the stage: a won or lost row is imported as {won?.name} or {lost?.name}, never as an open deal.
          </p>
          {statusCounts ? (
            <ul className="mt-2 space-y-0.5" aria-label={`Values of ${headers[statusCol]}`}>
              {statusCounts
                .filter((c) => c.value !== "")
                .map((c) => {
                  const status = readDealStatus(c.value);
                  return (
                    <li key={c.value} className={status ? undefined : "text-red-700 dark:text-red-300"}>
                      <span className="font-medium">{c.value}</span> · {rows(c.count)}:{" "}
                      {status === null
                        ? "not open, won or lost: these rows are refused"
                        : status === "open"
                          ? STATUS_LABELS.open
                          : `${STATUS_LABELS[status]} ${(status === "won" ? won : lost)?.name}`}
                    </li>
                  );
                })}
            </ul>
          ) : null}
        </div>
      ) : null}
      {(stageCol >= 0 || statusCol >= 0) && lost ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {lossReasonLabel
            ? `Rows that go to ${lost.name} get the loss reason “${lossReasonLabel}”: the file gives none.`
            : `Rows that go to ${lost.name} are refused: this organization has no loss reason to give them.`}
        </p>
      ) : null}
    </div>
  );
}
