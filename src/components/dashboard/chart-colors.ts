"use client";

import { useResolvedDark } from "@/components/theme/use-theme";

/** Chart colours per theme: brand blues for amounts, contrast-checked text and grid for both backgrounds. */
const LIGHT = {
  primary: "#1d53f1", // brand-600
  secondary: "#8ebdff", // brand-300
  positive: "#059669", // emerald-600
  negative: "#dc2626", // red-600
  grid: "#e4e4e7", // zinc-200
  axis: "#52525b", // zinc-600
  tooltipBg: "#ffffff",
  tooltipBorder: "#e4e4e7",
  tooltipText: "#18181b",
};
const DARK: typeof LIGHT = {
  primary: "#5997ff", // brand-400
  secondary: "#1935b4", // brand-800
  positive: "#34d399", // emerald-400
  negative: "#f87171", // red-400
  grid: "#3f3f46", // zinc-700
  axis: "#a1a1aa", // zinc-400
  tooltipBg: "#18181b",
  tooltipBorder: "#3f3f46",
  tooltipText: "#f4f4f5",
};

export type ChartColors = typeof LIGHT;

export function useChartColors(): ChartColors {
  return useResolvedDark() ? DARK : LIGHT;
}

export function tooltipStyle(c: ChartColors) {
  return {
    contentStyle: { background: c.tooltipBg, border: `1px solid ${c.tooltipBorder}`, borderRadius: 8, color: c.tooltipText, fontSize: 12 },
    labelStyle: { color: c.tooltipText, fontWeight: 600 },
    itemStyle: { color: c.tooltipText },
    cursor: { fill: c.grid, fillOpacity: 0.4 },
  };
}
