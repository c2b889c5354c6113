"use client";

import { RotateCcw } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatCount, formatDays, formatPercent } from "@/lib/format/figures";
import { formatMoney } from "@/lib/money";
import type { WhatIfBaseline } from "@/lib/what-if/baseline";
import { ADJUSTMENT_LIMITS, type Adjustments, isAdjusted, winProbabilities } from "@/lib/what-if/model";

import { formatLeverPct, formatRate } from "./format";
import { LeverSlider } from "./lever-slider";

type LeversCardProps = {
  baseline: WhatIfBaseline;
  adjustments: Adjustments;
  onChange: (next: Adjustments) => void;
  onReset: () => void;
  currency: string;
  locale: string;
};

const pctRange = (r: { min: number; max: number }, locale: string) => ({
  minLabel: formatLeverPct(r.min, locale),
  maxLabel: formatLeverPct(r.max, locale),
});

/** The simulator's levers: basket, lead volume and cycle in percent, and each stage's conversion. */
export function LeversCard({ baseline, adjustments, onChange, onReset, currency, locale }: LeversCardProps) {
  const limits = ADJUSTMENT_LIMITS;
  const set = (patch: Partial<Adjustments>) => onChange({ ...adjustments, ...patch });
  const factor = (pct: number) => 1 + pct / 100;
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const adjusted = isAdjusted(adjustments);

  const conversions = baseline.stages.map((s) => adjustments.conversionByStage[s.stageId] ?? s.conversion);
  const winRates = winProbabilities(conversions);

  /** A stage slider back on the baseline's rounded value restores the exact baseline (no override). */
  const setConversion = (stageId: string, baselineConversion: number, percent: number) => {
    const { [stageId]: _previous, ...others } = adjustments.conversionByStage;
    const atBaseline = percent === Math.round(baselineConversion * 100);
    set({ conversionByStage: atBaseline ? others : { ...others, [stageId]: percent / 100 } });
  };

  return (
    <Card className="min-w-0" data-testid="what-if-levers">
      <CardHeader
        title="Levers"
        actions={
          <Button
            variant="secondary"
            size="sm"
            icon={<RotateCcw aria-hidden className="size-4" />}
            // aria-disabled rather than disabled: a reset button that just did its job keeps the focus.
            aria-disabled={!adjusted}
            className="aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
            onClick={() => adjusted && onReset()}
          >
            Reset
          </Button>
        }
      />
      <CardBody className="space-y-6">
        <LeverSlider
          label="Average basket"
          testId="lever-basket"
          value={adjustments.basketPct}
          {...limits.basketPct}
          {...pctRange(limits.basketPct, locale)}
          onChange={(basketPct) => set({ basketPct })}
          changed={adjustments.basketPct !== 0}
          valueText={`${formatLeverPct(adjustments.basketPct, locale)} · ${money(Math.round(baseline.averageBasketMinor * factor(adjustments.basketPct)))}`}
          hint={`Baseline ${money(baseline.averageBasketMinor)} · applies to new deals (open deals keep the value already quoted)`}
        />
        <LeverSlider
          label="New deals per month"
          testId="lever-leads"
          value={adjustments.leadVolumePct}
          {...limits.leadVolumePct}
          {...pctRange(limits.leadVolumePct, locale)}
          onChange={(leadVolumePct) => set({ leadVolumePct })}
          changed={adjustments.leadVolumePct !== 0}
          valueText={`${formatLeverPct(adjustments.leadVolumePct, locale)} · ${formatRate(baseline.leadsPerMonth * factor(adjustments.leadVolumePct), locale)} a month`}
          hint={`Baseline ${formatRate(baseline.leadsPerMonth, locale)} a month`}
        />
        <LeverSlider
          label="Sales cycle"
          testId="lever-cycle"
          value={adjustments.cycleDaysPct}
          {...limits.cycleDaysPct}
          {...pctRange(limits.cycleDaysPct, locale)}
          onChange={(cycleDaysPct) => set({ cycleDaysPct })}
          changed={adjustments.cycleDaysPct !== 0}
          valueText={`${formatLeverPct(adjustments.cycleDaysPct, locale)} · ${formatDays(baseline.cycleDays * factor(adjustments.cycleDaysPct), locale)}`}
          hint={`Baseline ${formatDays(baseline.cycleDays, locale)} from creation to win · a shorter cycle brings revenue in sooner`}
        />
        <fieldset className="space-y-5 border-t border-zinc-200 pt-5 dark:border-zinc-800">
          <legend className="float-left mb-1 w-full text-sm font-semibold text-zinc-900 dark:text-zinc-100">Win rate per stage</legend>
          <p className="clear-left text-xs text-zinc-500 dark:text-zinc-400">
            Of the deals leaving a stage, the share that move forward instead of being lost. A deal is won at the product of the rates from
            its stage on.
          </p>
          {baseline.stages.map((s, i) => {
            const percent = Math.round(conversions[i]! * 100);
            const changed = s.stageId in adjustments.conversionByStage;
            return (
              <LeverSlider
                key={s.stageId}
                label={s.name}
                testId={`lever-stage-${i}`}
                value={percent}
                min={0}
                max={100}
                step={1}
                minLabel={formatPercent(0, locale)}
                maxLabel={formatPercent(1, locale)}
                onChange={(v) => setConversion(s.stageId, s.conversion, v)}
                changed={changed}
                valueText={`${formatPercent(percent / 100, locale)} move on · ${formatPercent(winRates[i]!, locale)} won`}
                hint={`Baseline ${formatPercent(s.conversion, locale)} ${
                  s.source === "history"
                    ? `(${formatCount(s.sample, locale)} decided deals)`
                    : "(from the stage probability: too few decided deals)"
                } · ${formatPercent(s.winProbability, locale)} won`}
              />
            );
          })}
        </fieldset>
      </CardBody>
    </Card>
  );
}
