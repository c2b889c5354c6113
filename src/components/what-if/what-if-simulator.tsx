"use client";

import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";

import { formatMoney } from "@/lib/money";
import type { WhatIfBaseline } from "@/lib/what-if/baseline";
import { type Adjustments, isAdjusted, NO_ADJUSTMENTS, simulate, type Simulation } from "@/lib/what-if/model";

import { formatDifference } from "./format";
import { HorizonSummary } from "./horizon-summary";
import { LeversCard } from "./levers-card";
import { ProjectionChart } from "./projection-chart";

type WhatIfSimulatorProps = {
  baseline: WhatIfBaseline;
  currency: string;
  locale: string;
  timeZone: string;
  generatedAt: string;
  /** Shown under the chart (the baseline's explanation, rendered on the server). */
  children?: ReactNode;
};

/** Quiet time after the last slider move before the new totals are read out. */
const ANNOUNCE_AFTER_MS = 700;

/**
 * The simulator: the levers' state lives here and the pure model recomputes the projection on
 * every move (no server round trip). Screen readers hear the slider's own value at once and, once
 * the moves settle, the new 3/6/12-month totals.
 */
export function WhatIfSimulator({ baseline, currency, locale, timeZone, generatedAt, children }: WhatIfSimulatorProps) {
  const [adjustments, setAdjustments] = useState<Adjustments>(NO_ADJUSTMENTS);
  const simulation = useMemo(() => simulate(baseline, adjustments), [baseline, adjustments]);
  const [announcement, setAnnouncement] = useState("");
  const lastAnnounced = useRef<Adjustments>(NO_ADJUSTMENTS);

  useEffect(() => {
    if (adjustments === lastAnnounced.current) return;
    const timer = setTimeout(() => {
      lastAnnounced.current = adjustments;
      setAnnouncement(isAdjusted(adjustments) ? describe(simulation, currency, locale) : "Levers back at the baseline.");
    }, ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [adjustments, simulation, currency, locale]);

  return (
    <div className="space-y-6">
      <HorizonSummary simulation={simulation} currency={currency} locale={locale} />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[minmax(0,24rem)_minmax(0,1fr)]">
        <LeversCard
          baseline={baseline}
          adjustments={adjustments}
          onChange={setAdjustments}
          onReset={() => setAdjustments(NO_ADJUSTMENTS)}
          currency={currency}
          locale={locale}
        />
        <div className="min-w-0 space-y-6">
          <ProjectionChart simulation={simulation} currency={currency} locale={locale} timeZone={timeZone} generatedAt={generatedAt} />
          {children}
        </div>
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}

/** "Next 3 months: 1.320.000 kr., +120.000 kr. (+10 %) against the baseline. …" */
function describe(simulation: Simulation, currency: string, locale: string): string {
  return simulation.horizons
    .map(
      (h) =>
        `Next ${h.months} months: ${formatMoney(h.scenarioMinor, currency, locale)}, ${formatDifference(h.deltaMinor, h.deltaRatio, currency, locale)} against the baseline.`,
    )
    .join(" ");
}
