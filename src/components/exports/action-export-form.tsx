"use client";

import { Download } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ACTION_EXPORT_STATUS_LABELS, ACTION_EXPORT_STATUSES } from "@/lib/schemas/export-params";

type ActionExportFormProps = {
  orgSlug: string;
  /** The org's today (ISO date): the range starts as this month so far. */
  today: string;
  /** Null for reps: their export holds the actions of their own deals. */
  owners: { id: string; name: string }[] | null;
};

/**
 * A plain GET form to the actions export: each submit button names its format, so the browser
 * requests ?format=xlsx or ?format=csv with the fields and downloads the file. No JavaScript needed.
 */
export function ActionExportForm({ orgSlug, today, owners }: ActionExportFormProps) {
  return (
    <form method="get" action={`/${orgSlug}/exports/actions`} className="space-y-4">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Actions" name="status">
          {(control) => (
            <Select {...control} defaultValue="all">
              {ACTION_EXPORT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ACTION_EXPORT_STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        {owners ? (
          <Field label="Owner" name="owner">
            {(control) => (
              <Select {...control} defaultValue="">
                <option value="">Everyone</option>
                {owners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
        <Field label="From" name="from" hint="Due date of pending actions, completion date of done ones.">
          {(control) => <Input {...control} type="date" defaultValue={`${today.slice(0, 7)}-01`} />}
        </Field>
        <Field label="To" name="to" hint="Leave both dates empty for all time.">
          {(control) => <Input {...control} type="date" defaultValue={today} />}
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="format" value="xlsx" variant="primary" icon={<Download aria-hidden className="size-4" />}>
          Download Excel
        </Button>
        <Button type="submit" name="format" value="csv" variant="secondary" icon={<Download aria-hidden className="size-4" />}>
          Download CSV
        </Button>
      </div>
    </form>
  );
}
