import { formatAmount, formatCount, formatDay } from "@/lib/format/figures";
import type { TrendWeek } from "@/server/data/dashboard/trend";

import { ChartFigure } from "./chart-figure";
import { OtherCurrencies } from "./kpi-card";
import { TrendChart } from "./trend-chart";

/** Won value per week over the 12 weeks ending with the period. */
export function TrendSection({
  weeks,
  currency,
  locale,
  timeZone,
}: {
  weeks: TrendWeek[];
  currency: string;
  locale: string;
  timeZone: string;
}) {
  const others = Object.values(
    weeks
      .flatMap((w) => w.others)
      .reduce<Record<string, { currency: string; minor: number }>>((acc, o) => {
        // Only a handful of already-aggregated weekly figures: the 12-week total per other currency.
        acc[o.currency] = { currency: o.currency, minor: (acc[o.currency]?.minor ?? 0) + o.minor };
        return acc;
      }, {}),
  );
  const empty = weeks.every((w) => w.wonCount === 0);
  return (
    <ChartFigure
      testId="trend"
      title="Revenue trend"
      description={`Won value per week, last 12 weeks (weeks start on Monday, ${timeZone.replaceAll("_", " ")} time).`}
      empty={empty ? "No deal was won in these 12 weeks." : null}
      table={{
        caption: "Won value per week",
        columns: ["Week of", "Won value", "Deals won"],
        rows: weeks.map((w) => [
          formatDay(w.week, locale, true),
          formatAmount(w.wonMinor, currency, locale),
          formatCount(w.wonCount, locale),
        ]),
      }}
      footer={<OtherCurrencies others={others} locale={locale} />}
    >
      <TrendChart weeks={weeks} currency={currency} locale={locale} />
    </ChartFigure>
  );
}
