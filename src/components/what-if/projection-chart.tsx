"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { tooltipStyle, useChartColors } from "@/components/dashboard/chart-colors";
import { ChartFigure } from "@/components/dashboard/chart-figure";
import { formatDate } from "@/lib/dates/format";
import { formatMoney } from "@/lib/money";
import { DAYS_PER_MONTH, type Simulation } from "@/lib/what-if/model";

import { formatSignedMoney } from "./format";

type ProjectionChartProps = {
  simulation: Simulation;
  currency: string;
  locale: string;
  timeZone: string;
  /** When the baseline was computed (ISO): month ends are counted from it, the same on server and client. */
  generatedAt: string;
};

const monthsLabel = (n: number) => (n === 0 ? "Today" : `${n} mo`);

/** Cumulative won revenue, month by month, for the baseline (dashed) and the scenario (solid). */
export function ProjectionChart({ simulation, currency, locale, timeZone, generatedAt }: ProjectionChartProps) {
  const c = useChartColors();
  const start = new Date(generatedAt).getTime();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const data = [
    { months: 0, baseline: 0, scenario: 0 },
    ...simulation.baseline.cumulative.map((baseline, i) => ({ months: i + 1, baseline, scenario: simulation.scenario.cumulative[i]! })),
  ];
  const byDate = (months: number) => formatDate(new Date(start + months * DAYS_PER_MONTH * 86_400_000), locale, timeZone);

  return (
    // ChartFigure's screen-reader table is `sr-only` on the <table> itself, and a table ignores the
    // 1 px width: on a phone it widened the page. Positioning and clipping here keep it in the card.
    <div className="relative overflow-x-clip">
      <ChartFigure
        title="Won revenue, cumulative"
        description="What the next 12 months add up to, month by month."
        testId="what-if-chart"
        table={{
          caption: "Cumulative won revenue by month: baseline, scenario and difference",
          columns: ["Months from today", "Baseline", "Scenario", "Difference"],
          rows: data
            .slice(1)
            .map((d) => [
              `${d.months} ${d.months === 1 ? "month" : "months"}`,
              money(d.baseline),
              money(d.scenario),
              formatSignedMoney(d.scenario - d.baseline, currency, locale),
            ]),
        }}
        footer={
          <p className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden className="h-0.5 w-5 rounded" style={{ background: c.primary }} />
              Scenario (your levers)
            </span>
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden className="w-5 border-t-2 border-dashed" style={{ borderColor: c.axis }} />
              Baseline (your history)
            </span>
          </p>
        }
      >
        <ResponsiveContainer width="100%" height={280}>
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke={c.grid} />
            <XAxis
              dataKey="months"
              tickFormatter={monthsLabel}
              tick={{ fill: c.axis, fontSize: 11 }}
              stroke={c.grid}
              interval="preserveStartEnd"
              minTickGap={6}
            />
            <YAxis
              tickFormatter={(v: number) => formatMoney(v, currency, locale, { compact: true })}
              tick={{ fill: c.axis, fontSize: 11 }}
              stroke={c.grid}
              width={72}
            />
            <Tooltip
              {...tooltipStyle(c)}
              cursor={{ stroke: c.grid }}
              labelFormatter={(months) => (Number(months) === 0 ? "Today" : `After ${months} months · ${byDate(Number(months))}`)}
              formatter={(v, name) => [money(Number(v)), name === "scenario" ? "Scenario" : "Baseline"]}
            />
            <Line
              type="monotone"
              dataKey="baseline"
              stroke={c.axis}
              strokeWidth={2}
              strokeDasharray="5 4"
              dot={false}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="scenario"
              stroke={c.primary}
              strokeWidth={2.5}
              dot={false}
              activeDot={{ r: 4 }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
    </div>
  );
}
