import { Select } from "@/components/ui/select";
import type { DateOrder } from "@/lib/import/dates";
import type { ColumnDateOrder } from "@/lib/import/rows";

type DateOrderChoiceProps = {
  column: string;
  detected: ColumnDateOrder;
  /** The saved choice ("" in the form: the detected order). */
  defaultValue: DateOrder | null;
  disabled?: boolean;
};

const FORMATS: Record<DateOrder, string> = { "day-first": "day/month/year", "month-first": "month/day/year" };

/**
 * The close-date column's order, one for the whole column: what its values prove (or contradict),
 * and a choice that overrides it. The preview reads its rows with the same order as the import.
 */
export function DateOrderChoice({ column, detected, defaultValue, disabled }: DateOrderChoiceProps) {
  const { inference } = detected;
  const found = inference.conflict
    ? `“${column}” contradicts itself: “${inference.dayFirstExample}” is day-first, “${inference.monthFirstExample}” month-first. Choose its order; rows that do not fit it are refused.`
    : inference.order
      ? `Detected from “${inference.order === "day-first" ? inference.dayFirstExample : inference.monthFirstExample}”: every date of “${column}” is read ${FORMATS[inference.order]}.`
      : `No date of “${column}” settles the order: read ${FORMATS[detected.order]}, as the organization’s locale writes dates.`;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-100 px-5 py-3 text-sm dark:border-zinc-800">
      <p className={inference.conflict ? "text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}>{found}</p>
      <label className="flex items-center gap-2">
        <span className="whitespace-nowrap">Date order</span>
        <Select name="dateOrder" defaultValue={defaultValue ?? ""} disabled={disabled}>
          <option value="">As detected ({FORMATS[inference.order ?? detected.order]})</option>
          <option value="day-first">{FORMATS["day-first"]}</option>
          <option value="month-first">{FORMATS["month-first"]}</option>
        </Select>
      </label>
    </div>
  );
}
