import type { ReactNode } from "react";

import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDate, wholeDays } from "@/lib/dates/format";
import { daysSince, isStale } from "@/lib/deals/rules";
import { formatMoney } from "@/lib/money";
import type { DealDetail } from "@/server/data/deals";

import type { DealOrg } from "./types";

const KIND_TONE: Record<DealDetail["stageKind"], BadgeTone> = { open: "brand", won: "green", lost: "red" };

/** The deal at a glance: value, weighted value, stage (and for how long), owner and status. */
export function DealSummary({ deal, org, now }: { deal: DealDetail; org: DealOrg; now: Date }) {
  const stale = isStale({ lastActivityAt: deal.lastActivityAt, createdAt: deal.createdAt, status: deal.status }, deal.staleAfterDays, now);
  const days = wholeDays(deal.stageEnteredAt, now);
  const status =
    deal.status === "open" ? (
      <>
        <Badge tone="neutral">Open</Badge>
        {stale ? (
          <Badge tone="amber" className="ml-1.5">
            Stale · {daysSince(deal.lastActivityAt ?? deal.createdAt, now)} days quiet
          </Badge>
        ) : null}
      </>
    ) : (
      <Badge tone={KIND_TONE[deal.status]}>
        {deal.status === "won" ? "Won" : "Lost"}
        {deal.closedAt ? ` · ${formatDate(deal.closedAt, org.locale, org.timeZone)}` : ""}
      </Badge>
    );

  return (
    <dl className="mb-6 grid grid-cols-2 gap-x-6 gap-y-4 rounded-xl border border-zinc-200 bg-zinc-50/60 px-5 py-4 sm:grid-cols-3 lg:grid-cols-5 dark:border-zinc-800 dark:bg-zinc-900/40">
      <Stat term="Value">
        <span className="text-base font-semibold tabular-nums">
          {formatMoney(deal.valueMinor, deal.currency, org.locale, { exact: true })}
        </span>
      </Stat>
      <Stat term="Weighted">
        <span className="text-base font-semibold tabular-nums">
          {formatMoney(deal.weightedMinor ?? 0, deal.currency, org.locale, { exact: true })}
        </span>
        <span className="ml-1.5 text-xs text-zinc-500 dark:text-zinc-400">at {deal.probability} %</span>
      </Stat>
      <Stat term="Stage">
        <Badge tone={KIND_TONE[deal.stageKind]}>{deal.stageName}</Badge>
        {deal.status === "open" ? (
          <span className="ml-1.5 text-xs text-zinc-500 dark:text-zinc-400">
            {days === 0 ? "since today" : `${days} ${days === 1 ? "day" : "days"}`}
          </span>
        ) : null}
      </Stat>
      <Stat term="Owner">{deal.ownerName}</Stat>
      <Stat term="Status">{status}</Stat>
    </dl>
  );
}

function Stat({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{term}</dt>
      <dd className="mt-1 flex flex-wrap items-center text-sm text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}
