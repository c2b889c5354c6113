"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { formatMoney } from "@/lib/money";

import { tooltipStyle, useChartColors } from "./chart-colors";

type FunnelChartProps = { stages: { name: string; valueMinor: number; weightedMinor: number }[]; currency: string; locale: string };

/** Value and weighted value per open stage, top to bottom in pipeline order. */
export function FunnelChart({ stages, currency, locale }: FunnelChartProps) {
  const c = useChartColors();
  return (
    <ResponsiveContainer width="100%" height={Math.max(160, stages.length * 52 + 50)}>
      <BarChart data={stages} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 4 }} barGap={2} barCategoryGap="20%">
        <CartesianGrid horizontal={false} stroke={c.grid} />
        <XAxis
          type="number"
          tickFormatter={(v: number) => formatMoney(v, currency, locale, { compact: true })}
          tick={{ fill: c.axis, fontSize: 11 }}
          stroke={c.grid}
        />
        <YAxis type="category" dataKey="name" width={96} tick={{ fill: c.axis, fontSize: 12 }} stroke={c.grid} interval={0} />
        <Tooltip {...tooltipStyle(c)} formatter={(v) => formatMoney(Number(v), currency, locale)} />
        <Legend wrapperStyle={{ fontSize: 12, color: c.axis }} />
        <Bar dataKey="valueMinor" name="Value" fill={c.secondary} radius={[0, 4, 4, 0]} isAnimationActive={false} />
        <Bar dataKey="weightedMinor" name="Weighted" fill={c.primary} radius={[0, 4, 4, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
