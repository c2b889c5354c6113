"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatDay } from "@/lib/format/figures";
import { formatMoney } from "@/lib/money";

import { tooltipStyle, useChartColors } from "./chart-colors";

type TrendChartProps = { weeks: { week: string; wonMinor: number; wonCount: number }[]; currency: string; locale: string };

/** Won value per week (Monday-based weeks in the org's zone), 12 bars. */
export function TrendChart({ weeks, currency, locale }: TrendChartProps) {
  const c = useChartColors();
  const data = weeks.map((w) => ({ ...w, label: formatDay(w.week, locale) }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={c.grid} />
        <XAxis dataKey="label" tick={{ fill: c.axis, fontSize: 11 }} stroke={c.grid} interval="preserveStartEnd" minTickGap={8} />
        <YAxis
          tickFormatter={(v: number) => formatMoney(v, currency, locale, { compact: true })}
          tick={{ fill: c.axis, fontSize: 11 }}
          stroke={c.grid}
          width={64}
        />
        <Tooltip
          {...tooltipStyle(c)}
          labelFormatter={(_, payload) => {
            const week = payload?.[0]?.payload?.week as string | undefined;
            return week ? `Week of ${formatDay(week, locale, true)}` : "";
          }}
          formatter={(v, _name, item) => [`${formatMoney(Number(v), currency, locale)} · ${item?.payload?.wonCount ?? 0} won`, "Won"]}
        />
        <Bar dataKey="wonMinor" name="Won" fill={c.primary} radius={[4, 4, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
