import { clsx } from "clsx";
import { ArrowDownRight, ArrowRight, ArrowUpRight } from "lucide-react";

import { Card } from "@/components/ui/card";
import { formatMoney } from "@/lib/money";
import type { Simulation } from "@/lib/what-if/model";

import { formatDifference } from "./format";

type HorizonSummaryProps = { simulation: Simulation; currency: string; locale: string };

const TONES = {
  up: "text-emerald-700 dark:text-emerald-400",
  down: "text-red-700 dark:text-red-400",
  flat: "text-zinc-500 dark:text-zinc-400",
} as const;

/** Won revenue over the next 3, 6 and 12 months under the levers, against the baseline. */
export function HorizonSummary({ simulation, currency, locale }: HorizonSummaryProps) {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  return (
    <section aria-label="Projected won revenue" className="grid grid-cols-1 gap-2 sm:grid-cols-3 sm:gap-4">
      {simulation.horizons.map((h) => {
        const direction = h.deltaMinor > 0 ? "up" : h.deltaMinor < 0 ? "down" : "flat";
        const Arrow = direction === "up" ? ArrowUpRight : direction === "down" ? ArrowDownRight : ArrowRight;
        const i = h.months - 1;
        return (
          // On phones a card is two lines (title and value side by side), so the levers stay close by.
          <Card key={h.months} className="flex min-w-0 flex-col gap-1 px-4 py-3 sm:gap-1.5 sm:p-4" data-testid={`horizon-${h.months}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 sm:block">
              <h2 className="text-sm font-medium text-zinc-600 dark:text-zinc-400">Next {h.months} months</h2>
              <p
                className="text-lg font-semibold tracking-tight break-words text-zinc-900 tabular-nums sm:text-2xl dark:text-zinc-50"
                data-testid="horizon-value"
              >
                {money(h.scenarioMinor)}
              </p>
            </div>
            <p className={clsx("flex flex-wrap items-center gap-x-1 text-xs font-medium", TONES[direction])} data-testid="horizon-delta">
              <Arrow aria-hidden className="size-3.5 shrink-0" />
              <span>{formatDifference(h.deltaMinor, h.deltaRatio, currency, locale)}</span>
              <span className="font-normal text-zinc-500 dark:text-zinc-400">vs baseline {money(h.baselineMinor)}</span>
            </p>
            <p className="hidden text-xs text-zinc-500 sm:block dark:text-zinc-400" data-testid="horizon-parts">
              Open deals {money(sum(simulation.scenario.pipeline, i))} · new deals {money(sum(simulation.scenario.newDeals, i))}
            </p>
          </Card>
        );
      })}
    </section>
  );
}

/** Months 0…last of one part (already rounded integers). */
function sum(monthly: number[], last: number): number {
  return monthly.slice(0, last + 1).reduce((a, b) => a + b, 0);
}
