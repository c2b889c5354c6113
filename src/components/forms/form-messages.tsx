"use client";

import { Alert } from "@/components/ui/alert";
import { FieldError } from "@/components/ui/field";

import type { ActionForm } from "./use-action-form";

/** The form-level message of useActionForm, above the fields. */
export function FormAlert({ form, className }: { form: Pick<ActionForm, "message">; className?: string }) {
  return form.message ? (
    <Alert tone="error" className={className}>
      {form.message}
    </Alert>
  ) : null;
}

/** A field's error for a control wired with `form.fieldProps(name)` rather than `Field`. */
export function FormFieldError({ form, name }: { form: Pick<ActionForm, "errorFor" | "errorId">; name: string }) {
  const message = form.errorFor(name);
  return message ? <FieldError id={form.errorId(name)}>{message}</FieldError> : null;
}
