"use client";

import { clsx } from "clsx";

import { Select } from "@/components/ui/select";
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField, type ImportMapping } from "@/lib/import/fields";

type ColumnMappingProps = {
  headers: string[];
  sample: { cells: string[] }[];
  /** What the selects start from (the saved or suggested mapping). */
  initial: ImportMapping;
  /** What they hold now, for the clash and "recognised" notes. */
  mapping: ImportMapping;
  suggested: ImportMapping;
  disabled?: boolean;
};

/**
 * One line per file column: its name, a few of its values, and what to import it as (or ignore it).
 * Each select is the form's `mapping.<column index>`; "" is "ignore this column".
 */
export function ColumnMapping({ headers, sample, initial, mapping, suggested, disabled }: ColumnMappingProps) {
  const firstUse = new Map<ImportField, number>();
  mapping.forEach((f, i) => {
    if (f && !firstUse.has(f)) firstUse.set(f, i);
  });
  return (
    <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {headers.map((header, i) => {
        const examples = sample
          .map((r) => r.cells[i]?.trim())
          .filter((v): v is string => !!v)
          .slice(0, 3);
        const field = mapping[i] ?? null;
        const clash = field !== null && firstUse.get(field) !== i ? headers[firstUse.get(field)!] : null;
        const id = `map-col-${i}`;
        return (
          <li key={i} className="grid gap-2 px-5 py-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)_14rem] sm:items-center sm:gap-4">
            <div className="min-w-0">
              <label htmlFor={id} className="block truncate text-sm font-medium text-zinc-900 dark:text-zinc-100" title={header}>
                {header}
              </label>
              <span id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
                Column {i + 1}
                {suggested[i] && suggested[i] === field ? " · recognised" : ""}
              </span>
            </div>
            <p className="min-w-0 truncate text-sm text-zinc-600 dark:text-zinc-400" title={examples.join(" · ")}>
              {examples.length > 0 ? (
                examples.map((e) => e.replace(/\s+/g, " ")).join(" · ")
              ) : (
                <span className="italic">empty in the first rows</span>
              )}
            </p>
            <div>
              <Select
                id={id}
                name={`mapping.${i}`}
                defaultValue={initial[i] ?? ""}
                disabled={disabled}
                aria-invalid={clash ? true : undefined}
                aria-describedby={clash ? `${id}-hint ${id}-clash` : `${id}-hint`}
                className={clsx(!field && "text-zinc-500")}
              >
                <option value="">Ignore this column</option>
                {IMPORT_FIELDS.map((f) => (
                  <option key={f} value={f}>
                    {IMPORT_FIELD_LABELS[f]}
                  </option>
                ))}
              </Select>
              {clash ? (
                <p id={`${id}-clash`} className="mt-1 text-xs font-medium text-red-600 dark:text-red-400">
                  Also chosen for “{clash}”: pick one.
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
