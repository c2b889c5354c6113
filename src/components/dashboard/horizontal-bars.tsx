"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatMoney } from "@/lib/money";

import { tooltipStyle, useChartColors } from "./chart-colors";

export type BarDatum = { label: string; value: number; secondary?: number };

type HorizontalBarsProps = {
  data: BarDatum[];
  /** How values read: money in the org's currency, or plain counts. */
  format: { kind: "money"; currency: string } | { kind: "count" };
  locale: string;
  valueName: string;
  secondaryName?: string;
};

/** Horizontal bars (sectors, sources, loss reasons): labels stay readable however long, on a phone too. */
export function HorizontalBars({ data, format, locale, valueName, secondaryName }: HorizontalBarsProps) {
  const c = useChartColors();
  const full = (v: number) => (format.kind === "money" ? formatMoney(v, format.currency, locale) : new Intl.NumberFormat(locale).format(v));
  const tick = (v: number) =>
    format.kind === "money"
      ? formatMoney(v, format.currency, locale, { compact: true })
      : new Intl.NumberFormat(locale, { notation: "compact" }).format(v);
  const height = Math.max(120, data.length * (secondaryName ? 44 : 34) + 40);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} barCategoryGap="22%">
        <CartesianGrid horizontal={false} stroke={c.grid} />
        <XAxis type="number" tickFormatter={tick} tick={{ fill: c.axis, fontSize: 11 }} stroke={c.grid} allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={112} tick={{ fill: c.axis, fontSize: 12 }} stroke={c.grid} interval={0} />
        <Tooltip {...tooltipStyle(c)} formatter={(v) => full(Number(v))} />
        <Bar dataKey="value" name={valueName} fill={c.primary} radius={[0, 4, 4, 0]} isAnimationActive={false} />
        {secondaryName ? (
          <Bar dataKey="secondary" name={secondaryName} fill={c.secondary} radius={[0, 4, 4, 0]} isAnimationActive={false} />
        ) : null}
      </BarChart>
    </ResponsiveContainer>
  );
}
