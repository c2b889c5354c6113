import { clsx } from "clsx";
import Link from "next/link";

import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { formatAmount, formatCount, formatDay } from "@/lib/format/figures";
import type { Deadlines } from "@/server/data/dashboard/deadlines";

import { DATA_TABLE } from "./table-classes";

type DeadlineTableProps = {
  deadlines: Deadlines;
  counts: { overdue: number; upcoming: number };
  orgSlug: string;
  locale: string;
  /** The deals list, open deals sorted by expected close date, with the dashboard's filters where it has them. */
  listHref: string;
};

/** Open deals by expected close date: overdue ones first and in red, then the next 30 days. */
export function DeadlineTable({ deadlines, counts, orgSlug, locale, listHref }: DeadlineTableProps) {
  const total = counts.overdue + counts.upcoming;
  return (
    <Card className="min-w-0" data-testid="deadlines">
      <CardHeader
        title="Deadlines"
        description={`${formatCount(counts.overdue, locale)} past their expected close date, ${formatCount(counts.upcoming, locale)} due in the next 30 days.`}
        actions={
          <Link href={listHref} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
            Open in deals list
          </Link>
        }
      />
      {deadlines.rows.length === 0 ? (
        <p className="px-5 py-10 text-center text-sm text-zinc-500 dark:text-zinc-400">No open deal is due to close in the next 30 days.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={`${DATA_TABLE} min-w-[40rem]`}>
            <caption className="sr-only">Open deals by expected close date</caption>
            <thead>
              <tr>
                <th scope="col" className="!text-left">
                  Expected close
                </th>
                <th scope="col" className="!text-left">
                  Deal
                </th>
                <th scope="col" className="!text-left">
                  Stage
                </th>
                <th scope="col" className="!text-left">
                  Owner
                </th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody className="[&_td]:!text-left [&_td:last-child]:!text-right">
              {deadlines.rows.map((d) => (
                <tr key={d.id} className={clsx(d.overdue && "bg-red-50/70 dark:bg-red-950/30")}>
                  <td className={d.overdue ? "font-medium text-red-700 dark:text-red-400" : undefined}>
                    {formatDay(d.expectedCloseDate, locale, true)}
                    {d.overdue ? (
                      <Badge tone="red" className="ml-2">
                        Overdue
                      </Badge>
                    ) : null}
                  </td>
                  <td className="max-w-64 !whitespace-normal">
                    <Link
                      href={`/${orgSlug}/deals/${d.id}`}
                      className="block truncate font-medium text-zinc-900 hover:underline dark:text-zinc-100"
                    >
                      {d.title}
                    </Link>
                    <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{d.contactName}</span>
                  </td>
                  <td>{d.stageName}</td>
                  <td>{d.ownerName}</td>
                  <td>{formatAmount(d.valueMinor, d.currency, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > deadlines.rows.length ? (
            <p className="border-t border-zinc-200 px-5 py-3 text-sm text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
              Showing the first {formatCount(deadlines.rows.length, locale)} of {formatCount(total, locale)}.{" "}
              <Link href={listHref} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                See all in the deals list
              </Link>
            </p>
          ) : null}
        </div>
      )}
    </Card>
  );
}
