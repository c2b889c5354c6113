"use client";

import { FileText } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { recentMonths } from "@/lib/schemas/export-params";

type MonthlyReportFormProps = {
  orgSlug: string;
  /** The org's today (ISO date in its time zone): the months offered end with the current one. */
  today: string;
  locale: string;
  /** Called once the download has been asked for (the dialog closes itself). */
  onSubmitted?: () => void;
  /** In the dialog the month is the first thing to choose (the dialog would focus its Close button). */
  autoFocus?: boolean;
};

/**
 * A plain GET form to the report route: the browser downloads the PDF (Content-Disposition:
 * attachment) and stays on the page. Works without JavaScript; the month list is the last 24
 * months in the org's locale, this month (to date) first.
 */
export function MonthlyReportForm({ orgSlug, today, locale, onSubmitted, autoFocus }: MonthlyReportFormProps) {
  const months = recentMonths(today, 24);
  const label = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" });
  return (
    <form method="get" action={`/${orgSlug}/exports/report`} onSubmit={() => onSubmitted?.()} className="flex flex-wrap items-end gap-3">
      <Field label="Month" name="month" className="min-w-52 flex-1">
        {(control) => (
          <Select {...control} defaultValue={months[0]} autoFocus={autoFocus}>
            {months.map((m, i) => (
              <option key={m} value={m}>
                {label.format(new Date(`${m}-15T12:00:00Z`))}
                {i === 0 ? " (to date)" : ""}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Button type="submit" variant="primary" icon={<FileText aria-hidden className="size-4" />}>
        Download PDF
      </Button>
    </form>
  );
}
