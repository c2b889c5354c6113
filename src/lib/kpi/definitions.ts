/**
 * What each dashboard KPI means, in words: shown as the card's tooltip and in the legend, so the
 * founder reads the same definition the code implements (see ratios.ts for the formulas).
 */
export type KpiId =
  | "weightedPipeline"
  | "openPipeline"
  | "averageBasket"
  | "conversionRate"
  | "winRate"
  | "revenueThisMonth"
  | "revenueWon"
  | "salesCycle"
  | "salesVelocity"
  | "dealsWithoutAction"
  | "overdueActions";

export type KpiDefinition = { label: string; definition: string; better: "higher" | "lower" };

export const KPI_DEFINITIONS: Record<KpiId, KpiDefinition> = {
  weightedPipeline: {
    label: "Weighted pipeline",
    definition:
      "Σ value × probability over open deals, now. Compared with the deals that were open at the start of the period: those still open at today's probability, those closed since at the probability of the stage they were in then.",
    better: "higher",
  },
  openPipeline: {
    label: "Open pipeline",
    definition:
      "Total value and number of open deals, now. Compared with the deals that were open at the start of the period (at today's values).",
    better: "higher",
  },
  averageBasket: {
    label: "Average basket",
    definition: "Average value of the deals created in the period, whatever their status. Compared with the previous period.",
    better: "higher",
  },
  conversionRate: {
    label: "Conversion rate",
    definition:
      "Won ÷ all deals created in the period (still-open deals count as not yet converted). Compared with the cohort created in the previous period.",
    better: "higher",
  },
  winRate: {
    label: "Win rate",
    definition: "Won ÷ (won + lost) among the deals closed in the period, whenever they were created. Open deals are left out.",
    better: "higher",
  },
  revenueThisMonth: {
    label: "Won this month",
    definition: "Value of deals won since the 1st of this month, against last month up to the same day.",
    better: "higher",
  },
  revenueWon: {
    label: "Revenue won",
    definition: "Value of the deals won (closed as won) in the period. Compared with the previous period.",
    better: "higher",
  },
  salesCycle: {
    label: "Average sales cycle",
    definition: "Average number of days from creation to win, over the deals won in the period.",
    better: "lower",
  },
  salesVelocity: {
    label: "Sales velocity",
    definition:
      "Open deals × win rate × average won deal ÷ average sales cycle: revenue per day the pipeline produces at the period's pace (cycles under a day count as one day).",
    better: "higher",
  },
  dealsWithoutAction: {
    label: "Deals without a next action",
    definition: "Open deals with no pending next action. Momentum's rule says this is always 0; anything else needs attention.",
    better: "lower",
  },
  overdueActions: {
    label: "Overdue actions",
    definition: "Pending next actions on open deals whose due time has passed.",
    better: "lower",
  },
};

export const FUNNEL_DEFINITION =
  "Open deals per stage now (count, value, weighted value). Conversion: of the deals that entered a stage in the period, the share that later reached a further stage or were won.";
