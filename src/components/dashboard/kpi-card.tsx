import { clsx } from "clsx";
import { ArrowDownRight, ArrowRight, ArrowUpRight } from "lucide-react";
import type { ReactNode } from "react";

import { Card } from "@/components/ui/card";
import { InfoTip } from "@/components/ui/info-tip";
import { type ChangeUnit, formatChange } from "@/lib/format/figures";
import { type Change, changeTone } from "@/lib/kpi/change";
import { KPI_DEFINITIONS, type KpiId } from "@/lib/kpi/definitions";
import type { OtherCurrency } from "@/lib/kpi/summary";
import { formatMoney } from "@/lib/money";

type KpiCardProps = {
  kpi: KpiId;
  value: string;
  /** Period-over-period change; omitted for KPIs that have none. */
  change?: Change;
  unit?: ChangeUnit;
  /** "vs previous 30 days", "vs start of period"… */
  comparedWith?: string;
  locale: string;
  others?: OtherCurrency[];
  /** Unit after the value, in small type ("/ day"). */
  suffix?: string;
  children?: ReactNode;
};

const TONE_CLASSES = {
  good: "text-emerald-700 dark:text-emerald-400",
  bad: "text-red-700 dark:text-red-400",
  neutral: "text-zinc-500 dark:text-zinc-400",
} as const;

/** One KPI: label with its definition, the value, and the change with an arrow and words for screen readers. */
export function KpiCard({ kpi, value, change, unit, comparedWith, locale, others, suffix, children }: KpiCardProps) {
  const def = KPI_DEFINITIONS[kpi];
  const text = change && unit ? formatChange(change, unit, locale) : null;
  const tone = change ? changeTone(change, def.better) : "neutral";
  const Arrow = change?.direction === "up" ? ArrowUpRight : change?.direction === "down" ? ArrowDownRight : ArrowRight;
  return (
    <Card className="flex min-w-0 flex-col gap-1.5 p-4" data-testid={`kpi-${kpi}`}>
      <div className="flex items-start gap-1">
        <h3 className="text-sm leading-5 font-medium text-zinc-600 dark:text-zinc-400">{def.label}</h3>
        <InfoTip label={`How “${def.label}” is calculated`}>{def.definition}</InfoTip>
      </div>
      <p className="text-2xl font-semibold tracking-tight break-words text-zinc-900 tabular-nums dark:text-zinc-50">
        <span data-testid="kpi-value">{value}</span>
        {suffix ? <span className="ml-1 text-sm font-normal text-zinc-500 dark:text-zinc-400">{suffix}</span> : null}
      </p>
      {text ? (
        <p className={clsx("flex flex-wrap items-center gap-x-1 text-xs font-medium", TONE_CLASSES[tone])}>
          <Arrow aria-hidden className="size-3.5 shrink-0" />
          <span>
            <span className="sr-only">{change?.direction === "up" ? "Up" : change?.direction === "down" ? "Down" : "Unchanged"}: </span>
            {text}
          </span>
          {comparedWith ? <span className="font-normal text-zinc-500 dark:text-zinc-400">{comparedWith}</span> : null}
        </p>
      ) : change ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          No comparison {comparedWith ? `(${comparedWith.replace(/^vs /, "")})` : ""}
        </p>
      ) : null}
      {children}
      <OtherCurrencies others={others} locale={locale} />
    </Card>
  );
}

/** Amounts in other currencies, listed as they are: never converted, never added to the KPI. */
export function OtherCurrencies({ others, locale }: { others?: OtherCurrency[]; locale: string }) {
  if (!others || others.length === 0) return null;
  return (
    <p className="text-xs text-amber-800 dark:text-amber-300">
      {others.map((o) => `+ ${formatMoney(o.minor, o.currency, locale)} in ${o.currency} deals`).join(", ")}, not converted
    </p>
  );
}
