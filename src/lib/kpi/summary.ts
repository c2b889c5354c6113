import { type Change, compareValues } from "./change";
import { averageCycleDays, averageValue, conversionRate, salesVelocity, winRate } from "./ratios";

/** Sums over the filtered deals of ONE currency, as the KPI query returns them (minor units). */
export type KpiCurrencyRow = {
  currency: string;
  openValue: number;
  openWeighted: number;
  openAtStartValue: number;
  openAtStartWeighted: number;
  createdValue: number;
  createdCount: number;
  prevCreatedValue: number;
  prevCreatedCount: number;
  wonValue: number;
  wonCount: number;
  prevWonValue: number;
  prevWonCount: number;
  monthWonValue: number;
  prevMonthWonValue: number;
};

/** Counts that do not depend on currency (a deal is won or not whatever its currency). */
export type KpiCounts = {
  open: number;
  openAtStart: number;
  created: number;
  createdWon: number;
  prevCreated: number;
  prevCreatedWon: number;
  won: number;
  lost: number;
  prevWon: number;
  prevLost: number;
  /** Σ days from creation to win over the deals won in the period (fractional). */
  wonDays: number;
  prevWonDays: number;
};

export type KpiAggregates = { currencies: KpiCurrencyRow[]; counts: KpiCounts };

/** An amount in another currency than the org's: listed beside the KPI, never converted or added. */
export type OtherCurrency = { currency: string; minor: number };

export type MoneyKpi = { change: Change; others: OtherCurrency[] };

export type KpiSummary = {
  currency: string;
  weightedPipeline: MoneyKpi;
  openPipelineValue: MoneyKpi;
  openPipelineCount: Change;
  averageBasket: MoneyKpi;
  conversionRate: Change;
  winRate: Change;
  revenueWon: MoneyKpi;
  wonCount: Change;
  revenueThisMonth: MoneyKpi;
  salesCycleDays: Change;
  /** Org-currency minor units per day. */
  salesVelocity: Change;
  counts: KpiCounts;
};

const zero = (currency: string): KpiCurrencyRow => ({
  currency,
  openValue: 0,
  openWeighted: 0,
  openAtStartValue: 0,
  openAtStartWeighted: 0,
  createdValue: 0,
  createdCount: 0,
  prevCreatedValue: 0,
  prevCreatedCount: 0,
  wonValue: 0,
  wonCount: 0,
  prevWonValue: 0,
  prevWonCount: 0,
  monthWonValue: 0,
  prevMonthWonValue: 0,
});

/**
 * The KPI cards from the aggregates: money KPIs in the org's currency (other currencies listed,
 * never summed in), ratios from the currency-independent counts, each with its previous value.
 * Averages of money use the org-currency deals only, so they are never a mix of currencies.
 */
export function summarizeKpis(agg: KpiAggregates, orgCurrency: string): KpiSummary {
  const own = agg.currencies.find((r) => r.currency === orgCurrency) ?? zero(orgCurrency);
  const foreign = agg.currencies.filter((r) => r.currency !== orgCurrency);
  const others = (pick: (r: KpiCurrencyRow) => number): OtherCurrency[] =>
    foreign.map((r) => ({ currency: r.currency, minor: pick(r) })).filter((o) => o.minor !== 0);
  const money = (current: number | null, previous: number | null, pick: (r: KpiCurrencyRow) => number): MoneyKpi => ({
    change: compareValues(current, previous),
    others: others(pick),
  });
  const c = agg.counts;

  const win = winRate({ won: c.won, lost: c.lost });
  const prevWin = winRate({ won: c.prevWon, lost: c.prevLost });
  const cycle = averageCycleDays({ totalDays: c.wonDays, won: c.won });
  const prevCycle = averageCycleDays({ totalDays: c.prevWonDays, won: c.prevWon });
  const avgWon = averageValue({ totalMinor: own.wonValue, count: own.wonCount });
  const prevAvgWon = averageValue({ totalMinor: own.prevWonValue, count: own.prevWonCount });

  return {
    currency: orgCurrency,
    weightedPipeline: money(own.openWeighted, own.openAtStartWeighted, (r) => r.openWeighted),
    openPipelineValue: money(own.openValue, own.openAtStartValue, (r) => r.openValue),
    openPipelineCount: compareValues(c.open, c.openAtStart),
    averageBasket: money(
      averageValue({ totalMinor: own.createdValue, count: own.createdCount }),
      averageValue({ totalMinor: own.prevCreatedValue, count: own.prevCreatedCount }),
      (r) => averageValue({ totalMinor: r.createdValue, count: r.createdCount }) ?? 0,
    ),
    conversionRate: compareValues(
      conversionRate({ createdWon: c.createdWon, created: c.created }),
      conversionRate({ createdWon: c.prevCreatedWon, created: c.prevCreated }),
    ),
    winRate: compareValues(win, prevWin),
    revenueWon: money(own.wonValue, own.prevWonValue, (r) => r.wonValue),
    wonCount: compareValues(c.won, c.prevWon),
    revenueThisMonth: money(own.monthWonValue, own.prevMonthWonValue, (r) => r.monthWonValue),
    salesCycleDays: compareValues(cycle, prevCycle),
    salesVelocity: compareValues(
      salesVelocity({ openDeals: c.open, winRate: win, averageWonMinor: avgWon, cycleDays: cycle }),
      salesVelocity({ openDeals: c.openAtStart, winRate: prevWin, averageWonMinor: prevAvgWon, cycleDays: prevCycle }),
    ),
    counts: c,
  };
}
