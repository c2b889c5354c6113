"use client";

import { clsx } from "clsx";
import { CircleAlert } from "lucide-react";
import { type ReactNode, useId } from "react";

import { Label } from "./label";

/** What a control needs to be bound to its label, hint and error. Spread it onto the input. */
export type FieldControlProps = {
  id: string;
  /** The dotted path of the action's input this control holds (see useActionForm). */
  name?: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

type FieldProps = {
  label: ReactNode;
  /** Passed on to the control; with useActionForm: `<Field label="…" {...form.field("nextAction.details")}>`. */
  name?: string;
  /** The first message is shown; zod may report several for one field. */
  error?: string | string[];
  hint?: ReactNode;
  /** Optional trailing element on the label row (e.g. "Forgot password?"). */
  aside?: ReactNode;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * Label + control + hint + error, wired with ids so screen readers announce the hint and the
 * error when the control is focused (aria-describedby) and flag it as invalid (aria-invalid).
 */
export function Field({ label, name, error, hint, aside, className, children }: FieldProps) {
  const id = useId();
  const message = Array.isArray(error) ? error[0] : error;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = message ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={clsx("space-y-1.5", className)}>
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        {aside}
      </div>
      {children({ id, name, "aria-invalid": message ? true : undefined, "aria-describedby": describedBy })}
      {message ? <FieldError id={errorId}>{message}</FieldError> : null}
      {hint ? (
        <p id={hintId} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="flex items-start gap-1 text-xs font-medium text-red-600 dark:text-red-400">
      <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
      <span>{children}</span>
    </p>
  );
}
