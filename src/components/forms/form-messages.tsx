"use client";

import type { ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import { FieldError } from "@/components/ui/field";

import type { ActionForm } from "./use-action-form";

/** The form-level message of useActionForm, above the fields. */
export function FormAlert({ form, title, className }: { form: Pick<ActionForm, "message">; title?: ReactNode; className?: string }) {
  return form.message ? (
    <Alert tone="error" title={title} className={className}>
      {form.message}
    </Alert>
  ) : null;
}

/** A field's error for a control wired with `form.fieldProps(name)` rather than `Field`. */
export function FormFieldError({ form, name }: { form: Pick<ActionForm, "errorFor" | "errorId">; name: string }) {
  const message = form.errorFor(name);
  return message ? <FieldError id={form.errorId(name)}>{message}</FieldError> : null;
}
