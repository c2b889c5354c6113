"use client";

import { type ReactElement, useEffect, useState } from "react";

import { FormAlert } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/result";

import { Button } from "./button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "./dialog";

type ConfirmDialogProps<T> = {
  /** The button that opens the dialog. */
  trigger: ReactElement;
  title: string;
  description: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** Shown above a refusal, e.g. "Nothing was reverted." */
  errorTitle?: string;
  /** The server action that does the change (bound to its org and record). */
  action: () => Promise<ActionResult<T>>;
  /** After success, once the dialog has closed (navigate, toast with Undo, refresh…). */
  onSuccess?: (data: T) => void;
};

/**
 * Confirmation of a destructive change: Cancel and a danger button, the pending state on the
 * button, and a refusal from the server shown inside the dialog rather than lost in a toast. The
 * dialog cannot be dismissed while the change runs. It is a one-button form on useActionForm, like
 * every other form, so a refusal, a dropped connection and the pending state behave the same way.
 */
export function ConfirmDialog<T>({ trigger, title, description, cancelLabel = "Cancel", ...form }: ConfirmDialogProps<T>) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(next) => (pending ? undefined : setOpen(next))}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        <ConfirmForm {...form} cancelLabel={cancelLabel} onPending={setPending} onDone={() => setOpen(false)} />
      </DialogContent>
    </Dialog>
  );
}

type ConfirmFormProps<T> = Pick<ConfirmDialogProps<T>, "confirmLabel" | "errorTitle" | "action" | "onSuccess"> & {
  cancelLabel: string;
  onPending: (pending: boolean) => void;
  onDone: () => void;
};

function ConfirmForm<T>({ confirmLabel, cancelLabel, errorTitle, action, onSuccess, onPending, onDone }: ConfirmFormProps<T>) {
  const form = useActionForm<Record<string, never>, T>({
    action: () => action(),
    toInput: () => ({}),
    // The refusal is shown inside the dialog (FormAlert), not in a toast that outlives it.
    failureToast: false,
    onSuccess: (data) => {
      onDone();
      onSuccess?.(data);
    },
  });
  useEffect(() => onPending(form.pending), [form.pending, onPending]);
  return (
    <form {...form.formProps} className="space-y-4">
      <FormAlert form={form} title={errorTitle} />
      <div className="flex flex-wrap justify-end gap-2 pt-1">
        <DialogClose asChild>
          <Button variant="secondary" disabled={form.pending}>
            {cancelLabel}
          </Button>
        </DialogClose>
        <Button type="submit" variant="danger" pending={form.pending}>
          {confirmLabel}
        </Button>
      </div>
    </form>
  );
}
