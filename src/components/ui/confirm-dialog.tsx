"use client";

import { type ReactElement, useState, useTransition } from "react";

import { Alert } from "./alert";
import { Button } from "./button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "./dialog";

type ConfirmDialogProps = {
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: string;
  description: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** Shown above a refusal, e.g. "Nothing was reverted." */
  errorTitle?: string;
  /**
   * Does the change. Resolves to null when it is done (the dialog closes) or to the message that
   * says why not (the dialog stays open and shows it). A network failure is reported the same way.
   */
  onConfirm: () => Promise<string | null>;
};

/**
 * Confirmation of a destructive change: Cancel and a danger button, the pending state on the
 * button, and a refusal from the server shown inside the dialog rather than lost in a toast. The
 * dialog cannot be dismissed while the change runs.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  cancelLabel = "Cancel",
  errorTitle,
  onConfirm,
}: ConfirmDialogProps) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function confirm() {
    setError(null);
    startTransition(async () => {
      const failure = await onConfirm().catch(() => "Could not reach the server. Check your connection and try again.");
      if (failure) setError(failure);
      else setOpen(false);
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        setError(null);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent
        title={title}
        description={description}
        footer={
          <>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                {cancelLabel}
              </Button>
            </DialogClose>
            <Button variant="danger" pending={pending} onClick={confirm}>
              {confirmLabel}
            </Button>
          </>
        }
      >
        {error ? (
          <Alert tone="error" title={errorTitle}>
            {error}
          </Alert>
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
