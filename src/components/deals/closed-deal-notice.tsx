import { Lock } from "lucide-react";
import type { ReactNode } from "react";

import { Card, CardBody } from "@/components/ui/card";
import { formatDate } from "@/lib/dates/format";
import type { DealDetail } from "@/server/data/deals";

import type { DealOrg } from "./types";

type ClosedDealNoticeProps = { deal: DealDetail; org: DealOrg; reopen: ReactNode | null };

/**
 * Where an open deal shows its next action, a closed one says it is locked, why it was lost, and
 * who can reopen it. `reopen` is the dialog trigger, given only to managers and admins.
 */
export function ClosedDealNotice({ deal, org, reopen }: ClosedDealNoticeProps) {
  const won = deal.status === "won";
  const when = deal.closedAt ? formatDate(deal.closedAt, org.locale, org.timeZone) : null;
  return (
    <Card
      className={won ? "border-emerald-200 dark:border-emerald-900" : "border-red-200 dark:border-red-900"}
      role="region"
      aria-labelledby="closed-deal-title"
    >
      <CardBody className="flex flex-wrap items-start gap-4">
        <span
          aria-hidden
          className={
            won
              ? "flex size-9 shrink-0 items-center justify-center rounded-full bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300"
              : "flex size-9 shrink-0 items-center justify-center rounded-full bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300"
          }
        >
          <Lock className="size-4" />
        </span>
        <div className="min-w-56 flex-1 space-y-1">
          <h2 id="closed-deal-title" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
            {won ? "Won" : "Lost"}
            {when ? ` on ${when}` : ""} — this deal is locked
          </h2>
          {!won ? (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              <span className="text-zinc-500 dark:text-zinc-400">Reason:</span> {deal.lossReason ?? "Not recorded"}
            </p>
          ) : null}
          {!won && deal.lossNote ? (
            <p className="text-sm whitespace-pre-line text-zinc-700 dark:text-zinc-300">
              <span className="text-zinc-500 dark:text-zinc-400">Note:</span> {deal.lossNote}
            </p>
          ) : null}
          <p className="text-sm text-zinc-500 dark:text-zinc-400">
            {reopen ? "Reopen it to change details or plan a new next action." : "Only a manager or admin can reopen it."}
          </p>
        </div>
        {reopen ? <div className="shrink-0">{reopen}</div> : null}
      </CardBody>
    </Card>
  );
}
