"use client";

import { type ReactElement, type ReactNode, useEffect, useState } from "react";

import { FormAlert } from "@/components/forms/form-messages";
import type { FormValues } from "@/components/forms/form-values";
import { type ActionForm, useActionForm } from "@/components/forms/use-action-form";
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
  /** The server action that does the change (bound to its org and record), given the values of `fields`. */
  action: (values: FormValues) => Promise<ActionResult<T>>;
  /** Optional fields above the buttons (e.g. who takes over), wired with `form.field(name)` for their errors. */
  fields?: (form: ActionForm) => ReactNode;
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

type ConfirmFormProps<T> = Pick<ConfirmDialogProps<T>, "confirmLabel" | "errorTitle" | "action" | "fields" | "onSuccess"> & {
  cancelLabel: string;
  onPending: (pending: boolean) => void;
  onDone: () => void;
};

function ConfirmForm<T>({ confirmLabel, cancelLabel, errorTitle, action, fields, onSuccess, onPending, onDone }: ConfirmFormProps<T>) {
  const form = useActionForm<FormValues, T>({
    action,
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
      {fields?.(form)}
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
