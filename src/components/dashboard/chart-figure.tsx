import type { ReactNode } from "react";

import { Card, CardHeader } from "@/components/ui/card";
import { InfoTip } from "@/components/ui/info-tip";

export type FigureTable = { caption: string; columns: string[]; rows: (string | number)[][] };

type ChartFigureProps = {
  title: string;
  description?: string;
  definition?: string;
  /** The chart's data as a table for screen readers (the SVG itself is hidden from them). */
  table: FigureTable;
  empty?: string | null;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
};

/** A card holding one chart, its explanation, and the same numbers as a real table for assistive technology. */
export function ChartFigure({ title, description, definition, table, empty, children, footer, testId }: ChartFigureProps) {
  return (
    <Card className="min-w-0" data-testid={testId}>
      <CardHeader
        title={
          <span className="inline-flex items-center gap-1">
            {title}
            {definition ? <InfoTip label={`About “${title}”`}>{definition}</InfoTip> : null}
          </span>
        }
        description={description}
      />
      <div className="px-3 py-4 sm:px-5">
        {empty ? (
          <p className="py-10 text-center text-sm text-zinc-500 dark:text-zinc-400">{empty}</p>
        ) : (
          <>
            <div aria-hidden>{children}</div>
            {/* sr-only on a <table> does not shrink it (tables ignore the 1 px width): wrap it. */}
            <div className="sr-only">
              <table>
                <caption>{table.caption}</caption>
                <thead>
                  <tr>
                    {table.columns.map((c) => (
                      <th key={c} scope="col">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((r, i) => (
                    <tr key={i}>
                      {r.map((cell, j) =>
                        j === 0 ? (
                          <th key={j} scope="row">
                            {cell}
                          </th>
                        ) : (
                          <td key={j}>{cell}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {footer}
      </div>
    </Card>
  );
}
