"use client";

import { Dialog, DialogContent } from "@/components/ui/dialog";

import { ACTION_TYPE_LABELS } from "./action-type";
import { CompleteActionForm } from "./complete-action-form";
import type { ActionForCompletion, Assignee, CompletionResult, OrgDisplay } from "./types";

export type { ActionForCompletion, OrgDisplay } from "./types";

type CompleteActionDialogProps = {
  org: OrgDisplay;
  action: ActionForCompletion;
  lossReasons: { id: string; label: string }[];
  /** Members the next action may be assigned to; [] (reps) means it goes to the deal's owner. */
  assignees: Assignee[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /**
   * Called with the result once the action is completed, before the dialog closes. The action
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
export function CompleteActionDialog({
  org,
  action,
  lossReasons,
  assignees,
  open,
  onOpenChange,
  onCompleted,
  onCloseAutoFocus,
}: CompleteActionDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Complete & plan next"
        description={
          <>
            <span className="font-medium text-zinc-800 dark:text-zinc-200">{action.deal.title}</span> · {action.deal.contactName}
            <span className="mt-0.5 block">
              {ACTION_TYPE_LABELS[action.type]}: {action.details}
            </span>
          </>
        }
        className="max-h-[calc(100dvh-2rem)] max-w-lg overflow-y-auto"
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <CompleteActionForm
          org={org}
          action={action}
          lossReasons={lossReasons}
          assignees={assignees}
          onCompleted={onCompleted}
          onDone={() => onOpenChange(false)}
        />
      </DialogContent>
    </Dialog>
  );
}
