"use client";

import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";

type CurrencyChangeDialogProps = {
  /** The currency the org has now and the one the form is about to save; null when closed. */
  change: { from: string; to: string } | null;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * Asked before a currency change is saved, because nothing is converted: every existing deal keeps
 * its amount and its own currency, so a total in the new currency shows the old one's deals
 * beside it rather than adding them up. Saying so beforehand is the only honest way to offer it.
 */
export function CurrencyChangeDialog({ change, onConfirm, onCancel }: CurrencyChangeDialogProps) {
  return (
    <Dialog open={change !== null} onOpenChange={(open) => (open ? undefined : onCancel())}>
      {change ? (
        <DialogContent title={`Change the currency from ${change.from} to ${change.to}?`}>
          <div className="space-y-3 text-sm text-zinc-600 dark:text-zinc-400">
            <p>
              Amounts are not converted. Existing deals keep their amounts in {change.from}: a deal of 10,000 {change.from} stays 10,000{" "}
              {change.from}, it does not become 10,000 {change.to}.
            </p>
            <p>
              New deals and imports without a currency of their own will be in {change.to}. Totals, the dashboard and reports count{" "}
              {change.to}; deals in {change.from} are shown beside them, never added to them.
            </p>
          </div>
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Keep {change.from}</Button>
            </DialogClose>
            <Button onClick={onConfirm}>Change to {change.to}</Button>
          </div>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
