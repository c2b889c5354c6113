import { clsx } from "clsx";

import { Badge } from "@/components/ui/badge";

export type IssueRow = { kind: "invalid" | "skipped"; line: number; column: string | null; value: string | null; message: string };

const cell = "px-3 py-2 align-top";

/** The row report: file line, column, the value as written, and what is wrong (or why it was skipped). */
export function IssueList({ issues, caption }: { issues: IssueRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className={clsx(cell, "pl-5 font-medium")}>
              Line
            </th>
            <th scope="col" className={clsx(cell, "font-medium")}>
              Column
            </th>
            <th scope="col" className={clsx(cell, "hidden font-medium sm:table-cell")}>
              Value
            </th>
            <th scope="col" className={clsx(cell, "pr-5 font-medium")}>
              Problem
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {issues.map((issue, i) => (
            <tr key={`${issue.line}-${i}`}>
              <td className={clsx(cell, "pl-5 tabular-nums")}>{issue.line}</td>
              <td className={cell}>{issue.column ?? <span className="text-zinc-500 dark:text-zinc-400">whole row</span>}</td>
              <td
                className={clsx(cell, "hidden max-w-48 truncate text-zinc-600 sm:table-cell dark:text-zinc-400")}
                title={issue.value ?? undefined}
              >
                {issue.value ?? "—"}
              </td>
              <td className={clsx(cell, "pr-5")}>
                <Badge tone={issue.kind === "invalid" ? "red" : "amber"} className="mr-2">
                  {issue.kind === "invalid" ? "Invalid" : "Skipped"}
                </Badge>
                {issue.message}
                {issue.value ? <span className="text-zinc-500 sm:hidden dark:text-zinc-400"> (“{issue.value}”)</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
