import { Card, CardHeader } from "@/components/ui/card";
import { InfoTip } from "@/components/ui/info-tip";
import { formatAmount, formatCount, formatPercent } from "@/lib/format/figures";
import { FUNNEL_DEFINITION } from "@/lib/kpi/definitions";
import type { FunnelStage } from "@/server/data/dashboard/funnel";

import { FunnelChart } from "./funnel-chart";
import { OtherCurrencies } from "./kpi-card";
import { DATA_TABLE } from "./table-classes";

type FunnelSectionProps = { stages: FunnelStage[]; won: { count: number; valueMinor: number | null }; currency: string; locale: string };

/** Weighted funnel: the chart of value vs weighted value per stage, and the same stages as a table with conversion. */
export function FunnelSection({ stages, won, currency, locale }: FunnelSectionProps) {
  const others = stages.flatMap((s) => s.others);
  const empty = stages.every((s) => s.count === 0 && s.entered === 0);
  return (
    <Card className="min-w-0" data-testid="funnel">
      <CardHeader
        title={
          <span className="inline-flex items-center gap-1">
            Weighted funnel
            <InfoTip label="About the weighted funnel">{FUNNEL_DEFINITION}</InfoTip>
          </span>
        }
        description="Open deals per stage now; conversion of the deals that entered each stage in the period."
      />
      <div className="space-y-4 px-3 py-4 sm:px-5">
        {empty ? (
          <p className="py-8 text-center text-sm text-zinc-500 dark:text-zinc-400">No open deals match these filters.</p>
        ) : (
          <div aria-hidden>
            <FunnelChart
              stages={stages.map((s) => ({ name: s.name, valueMinor: s.valueMinor, weightedMinor: s.weightedMinor }))}
              currency={currency}
              locale={locale}
            />
          </div>
        )}
        <div className="-mx-3 overflow-x-auto sm:-mx-5">
          <table className={`${DATA_TABLE} min-w-[32rem]`}>
            <caption className="sr-only">Funnel by stage</caption>
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Deals</th>
                <th scope="col">Value</th>
                <th scope="col">Weighted</th>
                <th scope="col">Moved on</th>
              </tr>
            </thead>
            <tbody>
              {stages.map((s) => (
                <tr key={s.stageId}>
                  <th scope="row">
                    {s.name} <span className="font-normal text-zinc-500 dark:text-zinc-400">{s.probability} %</span>
                  </th>
                  <td>{formatCount(s.count, locale)}</td>
                  <td>{formatAmount(s.valueMinor, currency, locale)}</td>
                  <td>{formatAmount(s.weightedMinor, currency, locale)}</td>
                  <td>
                    {formatPercent(s.conversion, locale)}
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                      {formatCount(s.advanced, locale)} of {formatCount(s.entered, locale)}
                    </span>
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">
                  <span className="text-emerald-700 dark:text-emerald-400">Won in the period</span>
                </th>
                <td>{formatCount(won.count, locale)}</td>
                <td>{formatAmount(won.valueMinor, currency, locale)}</td>
                <td />
                <td />
              </tr>
            </tbody>
          </table>
        </div>
        <OtherCurrencies others={others} locale={locale} />
      </div>
    </Card>
  );
}
