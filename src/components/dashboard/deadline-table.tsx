import { clsx } from "clsx";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import type { Deadlines } from "@/server/data/dashboard/deadlines";
import { formatAmount, formatCount, formatDay } from "./format";

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
          <table className="w-full min-w-[40rem] text-sm">
            <caption className="sr-only">Open deals by expected close date</caption>
            <thead>
              <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
                <th scope="col" className="px-5 py-2 font-medium">Expected close</th>
                <th scope="col" className="px-3 py-2 font-medium">Deal</th>
                <th scope="col" className="px-3 py-2 font-medium">Stage</th>
                <th scope="col" className="px-3 py-2 font-medium">Owner</th>
                <th scope="col" className="px-5 py-2 text-right font-medium">Value</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {deadlines.rows.map((d) => (
                <tr key={d.id} className={clsx(d.overdue && "bg-red-50/70 dark:bg-red-950/30")}>
                  <td className={clsx("px-5 py-2 whitespace-nowrap tabular-nums", d.overdue ? "font-medium text-red-700 dark:text-red-400" : "text-zinc-700 dark:text-zinc-300")}>
                    {formatDay(d.expectedCloseDate, locale, true)}
                    {d.overdue ? (
                      <Badge tone="red" className="ml-2">
                        Overdue
                      </Badge>
                    ) : null}
                  </td>
                  <td className="max-w-64 px-3 py-2">
                    <Link href={`/${orgSlug}/deals/${d.id}`} className="block truncate font-medium text-zinc-900 hover:underline dark:text-zinc-100">
                      {d.title}
                    </Link>
                    <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{d.contactName}</span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap text-zinc-700 dark:text-zinc-300">{d.stageName}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-zinc-700 dark:text-zinc-300">{d.ownerName}</td>
                  <td className="px-5 py-2 text-right whitespace-nowrap tabular-nums">{formatAmount(d.valueMinor, d.currency, locale)}</td>
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
