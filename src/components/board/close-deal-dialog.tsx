"use client";

import { type FormEvent, useState } from "react";

import { LossReasonOptions } from "@/components/next-steps/loss-reason-options";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

import type { CardView, ClosingStage } from "./board-types";

export type PendingClose = { card: CardView; outcome: "won" | "lost" };
export type CloseDetails = { lossReasonId?: string; lossNote?: string | null };
export type LossReasonOption = { id: string; label: string };

type CloseDealDialogProps = {
  pending: PendingClose | null;
  won: ClosingStage;
  lost: ClosingStage;
  lossReasons: LossReasonOption[];
  onCancel: () => void;
  onConfirm: (pending: PendingClose, details: CloseDetails) => void;
};

/** Dropping on Won asks to confirm; dropping on Lost asks why (a reason is required, a note is optional). */
export function CloseDealDialog({ pending, won, lost, lossReasons, onCancel, onConfirm }: CloseDealDialogProps) {
  return (
    <Dialog open={pending !== null} onOpenChange={(open) => (open ? undefined : onCancel())}>
      {pending?.outcome === "won" ? (
        <DialogContent
          title={`Close “${pending.card.title}” as ${won.name}?`}
          description={`${pending.card.contactName} · ${pending.card.valueLabel}. The deal is closed and its pending next step is completed; only a manager can reopen it.`}
          footer={
            <>
              <Button variant="secondary" onClick={onCancel}>
                Cancel
              </Button>
              <Button autoFocus onClick={() => onConfirm(pending, {})}>
                Close as {won.name}
              </Button>
            </>
          }
        />
      ) : pending?.outcome === "lost" ? (
        <LostForm key={pending.card.id} pending={pending} lost={lost} lossReasons={lossReasons} onCancel={onCancel} onConfirm={onConfirm} />
      ) : null}
    </Dialog>
  );
}

type LostFormProps = Pick<CloseDealDialogProps, "lost" | "lossReasons" | "onCancel" | "onConfirm"> & { pending: PendingClose };

function LostForm({ pending, lost, lossReasons, onCancel, onConfirm }: LostFormProps) {
  const [reasonId, setReasonId] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const formId = `lost-${pending.card.id}`;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reasonId) {
      setError("Choose why the deal was lost");
      event.currentTarget.querySelector<HTMLSelectElement>("select")?.focus();
      return;
    }
    onConfirm(pending, { lossReasonId: reasonId, lossNote: note.trim() || null });
  }

  return (
    <DialogContent
      title={`Why was “${pending.card.title}” lost?`}
      description={`It moves to ${lost.name} and its pending next step is completed. The reason feeds the loss analysis.`}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="danger">
            Close as {lost.name}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="space-y-4">
        <Field label="Reason" error={error ?? undefined}>
          {(control) => (
            <Select
              {...control}
              autoFocus
              required
              name="lossReasonId"
              value={reasonId}
              onChange={(e) => {
                setReasonId(e.target.value);
                setError(null);
              }}
            >
              <LossReasonOptions reasons={lossReasons} />
            </Select>
          )}
        </Field>
        <Field label="Note (optional)" hint="What would have changed their mind?">
          {(control) => (
            <Textarea {...control} name="lossNote" rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
          )}
        </Field>
      </form>
    </DialogContent>
  );
}
