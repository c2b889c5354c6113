"use client";

import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { CompletionResult } from "@/lib/next-steps/results";

import { CompleteNextStepForm } from "./complete-next-step-form";
import { ACTION_TYPE_LABELS } from "./next-step-type";
import type { Assignee, NextStepForCompletion, OrgDisplay } from "./types";

type CompleteNextStepDialogProps = {
  org: OrgDisplay;
  step: NextStepForCompletion;
  lossReasons: { id: string; label: string }[];
  /** Members the next action may be assigned to; [] (reps) means it goes to the deal's owner. */
  assignees: Assignee[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /**
   * Called with the result once the step is completed, before the dialog closes. The server action
   * does not re-render the page: the caller updates what it shows (and refreshes if it wants).
   */
  onCompleted: (result: CompletionResult) => void;
  /** Where focus goes after closing (Radix's onCloseAutoFocus); by default back to what opened the dialog. */
  onCloseAutoFocus?: (event: Event) => void;
};

/**
 * Complete & plan next: record what happened, then either plan the next step or close the deal.
 * The form lives inside the dialog's content, so every opening starts from a clean form.
 */
export function CompleteNextStepDialog({
  org,
  step,
  lossReasons,
  assignees,
  open,
  onOpenChange,
  onCompleted,
  onCloseAutoFocus,
}: CompleteNextStepDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Complete & plan next"
        description={
          <>
            <span className="font-medium text-zinc-800 dark:text-zinc-200">{step.deal.title}</span> · {step.deal.contactName}
            <span className="mt-0.5 block">
              {ACTION_TYPE_LABELS[step.type]}: {step.details}
            </span>
          </>
        }
        className="max-h-[calc(100dvh-2rem)] max-w-lg overflow-y-auto"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <CompleteNextStepForm
          org={org}
          step={step}
          lossReasons={lossReasons}
          assignees={assignees}
          onCompleted={onCompleted}
          onDone={() => onOpenChange(false)}
        />
      </DialogContent>
    </Dialog>
  );
}
