import type { CsvRecord } from "./csv";
import type { ImportMode } from "./fields";
import type { ImportRow, RowIssue, RowResult } from "./rows";

export type IssueKind = "invalid" | "skipped";
export type ReportedIssue = RowIssue & { kind: IssueKind };

export type ReadOutcome = {
  rows: ImportRow[];
  issues: ReportedIssue[];
  /** Records with at least one invalid cell (one record may have several issues). */
  invalidRows: number;
  /** Records skipped because an earlier record of the same file is the same deal. */
  repeatedRows: number;
};

/** Same deal, as duplicate detection defines it: same client and (same title or same amount). */
export function duplicateKeys(row: Pick<ImportRow, "contact" | "title" | "valueMinor">): string[] {
  const client = row.contact.toLowerCase();
  const keys = [`${client}\u0000t\u0000${row.title.toLowerCase()}`];
  if (row.valueMinor !== null) keys.push(`${client}\u0000v\u0000${row.valueMinor}`);
  return keys;
}

/**
 * Reads records slice by slice (the import job reads the next slice while the database writes the
 * previous one), collecting the valid rows and every issue. A record that describes the same deal
 * as an earlier record of the file — in any slice — is skipped and reported: importing both would
 * create the deal twice, or update it twice.
 */
export function recordReader(read: (cells: string[], line: number) => RowResult) {
  const firstLine = new Map<string, number>();
  return (records: CsvRecord[]): ReadOutcome => {
    const rows: ImportRow[] = [];
    const issues: ReportedIssue[] = [];
    let invalidRows = 0;
    let repeatedRows = 0;
    for (const record of records) {
      const result = read(record.cells, record.line);
      if (!result.ok) {
        invalidRows++;
        for (const issue of result.issues) issues.push({ ...issue, kind: "invalid" });
        continue;
      }
      const keys = duplicateKeys(result.row);
      const earlier = keys.map((k) => firstLine.get(k)).find((l) => l !== undefined);
      if (earlier !== undefined) {
        repeatedRows++;
        issues.push({
          line: record.line,
          column: null,
          value: null,
          message: `Same deal as line ${earlier} of this file`,
          kind: "skipped",
        });
        continue;
      }
      for (const k of keys) firstLine.set(k, record.line);
      rows.push(result.row);
    }
    return { rows, issues, invalidRows, repeatedRows };
  };
}

/** The whole file at once (the check before importing). */
export function readRecords(records: CsvRecord[], read: (cells: string[], line: number) => RowResult): ReadOutcome {
  return recordReader(read)(records);
}

export type ExistingDealState = { status: "open" | "won" | "lost" };

/** What the chosen mode does with one valid row, given the existing deal it matches (if any). */
export function decideRow(
  mode: ImportMode,
  existing: ExistingDealState | null,
): { action: "create" | "update" } | { action: "skip"; message: string } {
  if (!existing)
    return mode === "update_only" ? { action: "skip", message: "No matching deal to update (update only)" } : { action: "create" };
  if (mode === "create") return { action: "skip", message: "Duplicate of an existing deal (same client and same title or amount)" };
  if (existing.status !== "open")
    return { action: "skip", message: `The matching deal is ${existing.status} and locked; reopen it to update it` };
  return { action: "update" };
}

/** The first next action's text: the default step, then the row's notes (the action holds up to 2 000 characters). */
export function firstActionDetails(details: string, notes: string | null): string {
  return (notes ? `${details}\n\n${notes}` : details).slice(0, 2000);
}
