import type { ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatCount, formatDays, formatPercent } from "@/lib/format/figures";
import { formatMoney } from "@/lib/money";
import { LOOKBACK_MONTHS, MIN_STAGE_SAMPLE, type WhatIfBaseline } from "@/lib/what-if/baseline";

import { formatRate } from "./format";

type BaselineExplainerProps = { baseline: WhatIfBaseline; currency: string; locale: string; ownDealsOnly: boolean };

/** Where every baseline number comes from, in words, with the fallbacks said out loud. */
export function BaselineExplainer({ baseline: b, currency, locale, ownDealsOnly }: BaselineExplainerProps) {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const count = (n: number, one: string, many: string) => `${formatCount(n, locale)} ${n === 1 ? one : many}`;
  const months = Math.round(b.months);
  const period =
    b.months >= LOOKBACK_MONTHS
      ? `the last ${LOOKBACK_MONTHS} months`
      : `the last ${count(months, "month", "months")} (since the first deal)`;
  const fallbackStages = b.stages.filter((s) => s.source === "probability").map((s) => s.name);
  const noWin = b.sources.cycle === "assumed";

  return (
    <Card data-testid="what-if-baseline">
      <CardHeader
        title="Where the baseline comes from"
        description={`${ownDealsOnly ? "Your own deals" : "Every deal in the organization"}, over ${period}. Amounts in ${currency}.`}
      />
      <CardBody className="space-y-4">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <Fact term="New deals" value={`${formatRate(b.leadsPerMonth, locale)} a month`}>
            {count(b.evidence.leads, "deal", "deals")} created in {period}
          </Fact>
          <Fact term="Average basket" value={money(b.averageBasketMinor)}>
            {b.sources.basket === "won"
              ? `average of ${count(b.evidence.wonDeals, "deal", "deals")} won`
              : b.sources.basket === "created"
                ? "no deal won yet: average of the deals created"
                : "no deals yet"}
          </Fact>
          <Fact term="Sales cycle" value={formatDays(b.cycleDays, locale)}>
            {noWin
              ? "assumed: no deal won yet"
              : `from creation to win, average of ${count(b.evidence.cycleDeals, "won deal", "won deals")}`}
          </Fact>
          <Fact term="New deals won" value={formatPercent(b.evidence.newDealWinRate, locale)}>
            from the stages they start in and each stage&rsquo;s rate
          </Fact>
          <Fact term="Open pipeline" value={money(b.evidence.openValueMinor)}>
            {count(b.evidence.openDeals, "open deal", "open deals")} today, each won at its stage&rsquo;s rate
          </Fact>
          <Fact term="Won in the period" value={money(b.evidence.wonValueMinor)}>
            {count(b.evidence.wonDeals, "deal", "deals")}: what the history delivered, to hold the projection against
          </Fact>
        </dl>

        {noWin || fallbackStages.length > 0 || b.evidence.otherCurrencyDeals > 0 ? (
          <Alert tone="info" title="Some numbers are estimates">
            <ul className="list-disc space-y-0.5 pl-4">
              {noWin ? <li>No deal was won in {period}: the sales cycle is an assumption until the first win.</li> : null}
              {fallbackStages.length > 0 ? (
                <li>
                  {fallbackStages.join(", ")}: fewer than {MIN_STAGE_SAMPLE} decided deals, so the stage probability stands in for the
                  history.
                </li>
              ) : null}
              {b.evidence.otherCurrencyDeals > 0 ? (
                <li>
                  {count(b.evidence.otherCurrencyDeals, "deal", "deals")} in other currencies{" "}
                  {b.evidence.otherCurrencyDeals === 1 ? "is" : "are"} left out: amounts are never converted.
                </li>
              ) : null}
            </ul>
          </Alert>
        ) : null}

        <div className="space-y-1 text-xs text-zinc-500 dark:text-zinc-400">
          <p className="font-medium text-zinc-700 dark:text-zinc-300">How the projection works</p>
          <p>
            Open deals are won at their stage&rsquo;s rate around the end of the average cycle (deals older than the cycle, in the first
            month). New deals arrive every month at the current pace, start in the stages they usually start in, and are won one cycle later
            at the average basket. A month here is an average month (30.4 days) counted from today.
          </p>
        </div>
      </CardBody>
    </Card>
  );
}

function Fact({ term, value, children }: { term: string; value: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="font-semibold text-zinc-900 tabular-nums dark:text-zinc-50">{value}</dd>
      <dd className="text-xs text-zinc-500 dark:text-zinc-400">{children}</dd>
    </div>
  );
}
