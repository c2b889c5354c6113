"use client";

import { FormAlert } from "@/components/forms/form-messages";
import type { ActionForm } from "@/components/forms/use-action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { LossReasonOptions } from "@/components/next-steps/loss-reason-options";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/result";
import { type CloseDealInput, closeDealSchema } from "@/lib/schemas/deals";

import type { LossReasonOption } from "./types";

export type Closing = { deal: { id: string; title: string }; outcome: "won" | "lost" };

type CloseDealDialogProps = {
  /** The deal being closed and how; null while the dialog is shut. */
  closing: Closing | null;
  /** The org's names of its won and lost stages. */
  stageNames: { won: string; lost: string };
  lossReasons: LossReasonOption[];
  /**
   * Closes the deal. The deal page runs closeDealAction (with `refresh`, the dialog stays pending
   * until the locked page shows); the board moves the card optimistically and answers at once.
   */
  close: (input: CloseDealInput) => Promise<ActionResult<unknown>>;
  refresh?: boolean;
  successToast?: string;
  /** A won deal may carry a note (closeDealAction keeps it; the board's move has none). */
  wonNote?: boolean;
  /** The dialog is done: closed the deal, or cancelled. */
  onDone: (closed: boolean) => void;
};

/**
 * Closing a deal, from the deal page or a drop on the board: won is confirmed, lost needs a
 * reason (the database refuses a lost deal without one). Either way the pending next step is
 * closed with the deal and the deal is locked.
 */
export function CloseDealDialog({ closing, stageNames, onDone, ...rest }: CloseDealDialogProps) {
  const stage = closing ? stageNames[closing.outcome] : "";
  return (
    <Dialog open={closing !== null} onOpenChange={(open) => (open ? undefined : onDone(false))}>
      {closing ? (
        <DialogContent
          title={closing.outcome === "won" ? `Close “${closing.deal.title}” as ${stage}?` : `Why was “${closing.deal.title}” lost?`}
          description={`It moves to ${stage} and is locked; its pending next step is closed with it. ${
            closing.outcome === "won" ? "Only a manager or admin can reopen it." : "The reason feeds the loss analysis."
          }`}
        >
          <CloseDealForm key={`${closing.deal.id}-${closing.outcome}`} closing={closing} stage={stage} onDone={onDone} {...rest} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

type CloseDealFormProps = Omit<CloseDealDialogProps, "closing" | "stageNames"> & { closing: Closing; stage: string };

function CloseDealForm({ closing, stage, lossReasons, close, refresh, successToast, wonNote, onDone }: CloseDealFormProps) {
  const { deal, outcome } = closing;
  const form = useActionForm({
    action: close,
    schema: closeDealSchema,
    toInput: (values) => ({ ...values, dealId: deal.id, outcome }) as CloseDealInput,
    refresh,
    successToast,
    onSuccess: () => onDone(true),
  });
  return (
    <form {...form.formProps} className="space-y-4">
      <FormAlert form={form} />
      {outcome === "lost" ? <LostFields form={form} lossReasons={lossReasons} /> : null}
      {outcome === "won" && wonNote ? (
        <Field label="Note (optional)" {...form.field("note")}>
          {(control) => <Textarea {...control} autoFocus rows={3} maxLength={2000} disabled={form.pending} />}
        </Field>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <Button variant="secondary" onClick={() => onDone(false)} disabled={form.pending}>
          Cancel
        </Button>
        <Button
          type="submit"
          autoFocus={outcome === "won" && !wonNote}
          pending={form.pending}
          variant={outcome === "lost" ? "danger" : "primary"}
        >
          Close as {stage}
        </Button>
      </div>
    </form>
  );
}

function LostFields({ form, lossReasons }: { form: ActionForm; lossReasons: LossReasonOption[] }) {
  return (
    <>
      <Field label="Reason" {...form.field("lossReasonId")}>
        {(control) => (
          <Select {...control} autoFocus required defaultValue="" disabled={form.pending}>
            <LossReasonOptions reasons={lossReasons} />
          </Select>
        )}
      </Field>
      <Field label="Note (optional)" {...form.field("lossNote")} hint="What would have changed their mind?">
        {(control) => <Textarea {...control} rows={3} maxLength={1000} disabled={form.pending} />}
      </Field>
    </>
  );
}
