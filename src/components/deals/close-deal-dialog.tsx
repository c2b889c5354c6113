"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState, useTransition } from "react";
import { toast } from "sonner";

import { closeDealAction } from "@/actions/deals";
import { LossReasonOptions } from "@/components/next-steps/loss-reason-options";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

import type { LossReasonOption } from "./types";

type CloseDealDialogProps = {
  orgSlug: string;
  dealId: string;
  dealTitle: string;
  outcome: "won" | "lost" | null;
  lossReasons: LossReasonOption[];
  onOpenChange: (open: boolean) => void;
};

/**
 * Closing as won is confirmed; closing as lost needs a reason (the database refuses a lost deal
 * without one). Either way the pending action is closed with the deal and the deal is locked.
 * The action answers with its result only; the dialog stays pending while the deal page is read
 * again, and closes together with the refreshed (locked) page.
 */
export function CloseDealDialog({ orgSlug, dealId, dealTitle, outcome, lossReasons, onOpenChange }: CloseDealDialogProps) {
  return (
    <Dialog open={outcome !== null} onOpenChange={onOpenChange}>
      {outcome ? (
        <DialogContent
          title={outcome === "won" ? "Close as won?" : "Close as lost"}
          description={
            outcome === "won"
              ? `“${dealTitle}” moves to Won and is locked. Its pending action is closed with it; only a manager or admin can reopen the deal.`
              : `“${dealTitle}” moves to Lost and is locked. Its pending action is closed with it.`
          }
        >
          <CloseDealForm
            key={outcome}
            orgSlug={orgSlug}
            dealId={dealId}
            outcome={outcome}
            lossReasons={lossReasons}
            onDone={() => onOpenChange(false)}
          />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

type CloseDealFormProps = { orgSlug: string; dealId: string; outcome: "won" | "lost"; lossReasons: LossReasonOption[]; onDone: () => void };

function CloseDealForm({ orgSlug, dealId, outcome, lossReasons, onDone }: CloseDealFormProps) {
  const [lossReasonId, setLossReasonId] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<{ lossReasonId?: string; note?: string; general?: string }>({});
  const [pending, startTransition] = useTransition();
  const reasonRef = useRef<HTMLSelectElement>(null);
  const router = useRouter();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (outcome === "lost" && !lossReasonId) {
      setErrors({ lossReasonId: "Choose why the deal was lost" });
      reasonRef.current?.focus();
      return;
    }
    startTransition(async () => {
      const result = await closeDealAction(
        orgSlug,
        outcome === "won" ? { dealId, outcome, note } : { dealId, outcome, lossReasonId, lossNote: note },
      );
      if (!result.ok) {
        const fe = result.fieldErrors ?? {};
        setErrors({ lossReasonId: fe.lossReasonId?.[0], note: (fe.lossNote ?? fe.note)?.[0], general: result.message });
        return;
      }
      toast.success(outcome === "won" ? "Deal closed as won." : "Deal closed as lost.");
      // Same transition: the dialog closes when the refreshed page (locked, with its timeline) shows.
      startTransition(() => {
        router.refresh();
        onDone();
      });
    });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {errors.general ? <Alert tone="error">{errors.general}</Alert> : null}
      {outcome === "lost" ? (
        <Field label="Why was it lost?" error={errors.lossReasonId}>
          {(control) => (
            <Select
              {...control}
              ref={reasonRef}
              required
              autoFocus
              value={lossReasonId}
              disabled={pending}
              onChange={(e) => (setLossReasonId(e.target.value), setErrors((x) => ({ ...x, lossReasonId: undefined })))}
            >
              <LossReasonOptions reasons={lossReasons} />
            </Select>
          )}
        </Field>
      ) : null}
      <Field
        label="Note (optional)"
        error={errors.note}
        hint={outcome === "lost" ? "Kept on the deal: what would have won it?" : undefined}
      >
        {(control) => (
          <Textarea
            {...control}
            autoFocus={outcome === "won"}
            maxLength={outcome === "won" ? 2000 : 1000}
            value={note}
            disabled={pending}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <DialogClose asChild>
          <Button variant="secondary" disabled={pending}>
            Cancel
          </Button>
        </DialogClose>
        <Button type="submit" pending={pending} variant={outcome === "lost" ? "danger" : "primary"}>
          {outcome === "won" ? "Close as won" : "Close as lost"}
        </Button>
      </div>
    </form>
  );
}
