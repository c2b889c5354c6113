import { formatAmount, formatCount } from "@/lib/format/figures";
import type { BreakdownRow } from "@/server/data/dashboard/breakdowns";

import { ChartFigure } from "./chart-figure";
import { HorizontalBars } from "./horizontal-bars";

type BreakdownSectionProps = {
  kind: "sources" | "lossReasons";
  rows: BreakdownRow[];
  currency: string;
  locale: string;
};

const TEXT = {
  sources: {
    title: "Lead sources",
    description: "Deals created in the period, by source (won ones in the lighter bar).",
    empty: "No deal was created in the period.",
    none: "No source",
  },
  lossReasons: {
    title: "Loss reasons",
    description: "Deals lost in the period, by reason.",
    empty: "No deal was lost in the period.",
    none: "No reason",
  },
} as const;

/** Where deals come from, or why they are lost: counts as bars, value in the table. */
export function BreakdownSection({ kind, rows, currency, locale }: BreakdownSectionProps) {
  const t = TEXT[kind];
  const sources = kind === "sources";
  return (
    <ChartFigure
      testId={kind}
      title={t.title}
      description={t.description}
      empty={rows.length === 0 ? t.empty : null}
      table={{
        caption: t.title,
        columns: sources ? ["Source", "Deals", "Won", "Value"] : ["Reason", "Deals", "Value"],
        rows: rows.map((r) =>
          sources
            ? [
                r.label ?? t.none,
                formatCount(r.count, locale),
                formatCount(r.wonCount, locale),
                formatAmount(r.valueMinor, currency, locale),
              ]
            : [r.label ?? t.none, formatCount(r.count, locale), formatAmount(r.valueMinor, currency, locale)],
        ),
      }}
    >
      <HorizontalBars
        data={rows.map((r) => ({ label: r.label ?? t.none, value: r.count, secondary: sources ? r.wonCount : undefined }))}
        format={{ kind: "count" }}
        locale={locale}
        valueName="Deals"
        secondaryName={sources ? "Won" : undefined}
      />
    </ChartFigure>
  );
}
