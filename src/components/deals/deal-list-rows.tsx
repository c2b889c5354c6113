"use client";

import { clsx } from "clsx";
import Link from "next/link";

import { BoardIcon } from "@/components/board/board-icons";
import { DueStateBadge } from "@/components/next-steps/due-state-badge";
import { Badge } from "@/components/ui/badge";
import type { DueState } from "@/lib/deals/rules";
import { ACTION_TYPE_LABELS, type ActionType } from "@/lib/schemas/deals";

/** One row of the deals list, every figure and date already formatted on the server in the org's locale and zone. */
export type DealRowView = {
  id: string;
  title: string;
  contactName: string;
  sector: string | null;
  stageName: string;
  probability: number;
  /** Only when the owner column is shown. */
  ownerName?: string;
  value: string;
  weighted: string;
  close: string | null;
  next: { type: ActionType; state: DueState; dueAt: string; dueTitle: string; distance: string; late: boolean } | null;
  closed: { won: boolean; at: string | null } | null;
};

const cell = "dl-cell";

/**
 * The rows as a client component on purpose: a server component's output travels twice on a full
 * page load (as HTML and as its RSC tree, ~2 KiB a row); a client component's travels as HTML plus
 * its props (~0.4 KiB a row). No state: it only renders.
 */
export function DealListRows({ base, rows, showOwner }: { base: string; rows: DealRowView[]; showOwner: boolean }) {
  return (
    <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {rows.map((deal) => (
        <tr key={deal.id} className="dl-row">
          <td className={clsx(cell, "pl-5")}>
            {/* The link's ::after covers the row, so the whole row is one click target and one tab stop. */}
            <Link href={`${base}/${deal.id}`} className="dl-title">
              {deal.title}
            </Link>
            <p className="dl-sub mt-0.5">{deal.sector ? `${deal.contactName} · ${deal.sector}` : deal.contactName}</p>
            <p className="dl-dim mt-1 md:hidden">
              {deal.stageName}
              <span className="sm:hidden">{` · ${deal.value}`}</span>
            </p>
          </td>
          <td className={clsx(cell, "hidden whitespace-nowrap md:table-cell")}>
            <span className="text-zinc-800 dark:text-zinc-200">{deal.stageName}</span>
            <span className="dl-sub block tabular-nums">{`${deal.probability} %`}</span>
          </td>
          {showOwner ? <td className={clsx(cell, "hidden text-zinc-700 lg:table-cell dark:text-zinc-300")}>{deal.ownerName}</td> : null}
          <td className={clsx(cell, "dl-num hidden sm:table-cell")}>{deal.value}</td>
          <td className={clsx(cell, "dl-num hidden text-zinc-600 lg:table-cell dark:text-zinc-400")}>{deal.weighted}</td>
          <td className={cell}>
            <NextActionCell deal={deal} />
          </td>
          <td className={clsx(cell, "dl-dim hidden pr-5 text-sm whitespace-nowrap xl:table-cell")}>
            {deal.close ?? <span aria-label="No date">—</span>}
          </td>
        </tr>
      ))}
    </tbody>
  );
}

function NextActionCell({ deal }: { deal: DealRowView }) {
  if (!deal.next) {
    const won = deal.closed?.won ?? false;
    return (
      <div className="space-y-1">
        <Badge tone={won ? "green" : "neutral"}>{won ? "Won" : "Lost"}</Badge>
        {deal.closed?.at ? <p className="text-xs text-zinc-500 dark:text-zinc-400">{deal.closed.at}</p> : null}
      </div>
    );
  }
  const { type, state, dueAt, dueTitle, distance, late } = deal.next;
  return (
    <div className="space-y-1">
      <DueStateBadge state={state} />
      <p className="dl-dim flex items-center gap-1.5 whitespace-nowrap">
        <BoardIcon name={type} className="size-3.5 shrink-0" />
        <span className="sr-only">{`${ACTION_TYPE_LABELS[type]},`}</span>
        <time dateTime={dueAt} title={dueTitle} className={clsx(late && "text-red-700 dark:text-red-400")}>
          {distance}
        </time>
      </p>
    </div>
  );
}
