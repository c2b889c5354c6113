"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useCallback, useEffect, useId, useRef, useState, useTransition } from "react";
import { toast } from "sonner";

import { type ActionFailure, type ActionResult, type FieldErrors, validationFailure } from "@/lib/result";

import { callAction } from "./call-action";
import { errorFor, fieldIds, firstInvalid, formMessage, withoutError } from "./field-errors";
import { type FormValues, formValues } from "./form-values";

type ToastContent = string | { title: string; description?: string };
type Issue = { readonly path: readonly PropertyKey[]; readonly message: string };
/** A zod schema, or anything with its safeParse (the action's own schema, checked before sending). */
type Checkable = { safeParse(input: unknown): { success: true } | { success: false; error: { issues: readonly Issue[] } } };

export type ActionFormOptions<I, T> = {
  /** The server action, bound to its org: `(input) => completeNextStepAction(org.slug, input)`. */
  action: (input: I) => Promise<ActionResult<T>>;
  /**
   * The action's input from the form. By default the form's values nested by their dotted names
   * (strings; the schema coerces them); a form with typed or derived values builds them here.
   */
  toInput?: (values: FormValues, data: FormData) => I;
  /** Checked in the browser before sending, so a blank form is answered without a round trip. */
  schema?: Checkable;
  /**
   * Called once the input passed the browser check, as the action is sent, outside its transition
   * (so what it changes shows at once, e.g. an inline editor closing while its save runs).
   */
  onSend?: (input: I) => void;
  onSuccess?: (data: T, input: I) => void;
  /**
   * Refresh the page after success, in the action's transition: the form stays pending (and
   * onSuccess, e.g. closing the dialog, lands) together with the refreshed page. The actions do
   * not revalidate (their responses stay small), so a page that shows the change asks for it here.
   */
  refresh?: boolean;
  /** Return true when the form shows the refusal its own way (e.g. a conflict notice): nothing else is shown. */
  onFailure?: (failure: ActionFailure, input: I) => boolean | void;
  /** Toast after success: a message, or one built from the result. None by default. */
  successToast?: ToastContent | ((data: T, input: I) => ToastContent);
  /**
   * Toast after a refusal. By default the refusal's message, except for VALIDATION, whose
   * messages already sit on the fields (or above them); false turns it off.
   */
  failureToast?: false | ((failure: ActionFailure) => string | null);
};

/** What a control needs: its name (the dotted path), an id, and the aria wiring to its error. */
export type ActionFieldProps = {
  name: string;
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
};

/**
 * The one way to write a form over a server action. The form's inputs are uncontrolled and named
 * by the dotted path of the action's input (`nextAction.dueAt`), so values are read from the form
 * on submit and the action's field errors land on the control of the same name with no mapping.
 * Spread `formProps` onto the <form>. The action runs in a transition (`pending`); after a
 * refusal the first invalid field (in the form's order) is focused.
 */
export function useActionForm<I = FormValues, T = unknown>(options: ActionFormOptions<I, T>) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const formId = useId();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // Focus waits until the refusal is rendered and the controls are enabled again.
  const focusWanted = useRef(false);
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    if (pending || !focusWanted.current || !formRef.current) return;
    focusWanted.current = false;
    focusFirstInvalid(formRef.current, errors);
  }, [pending, errors]);

  const showFailure = useCallback((failure: ActionFailure) => {
    const form = formRef.current;
    setErrors(failure.fieldErrors ?? {});
    setMessage(formMessage(failure, form ? renderedKeys(form) : new Set()));
    focusWanted.current = true;
  }, []);

  const clearError = useCallback((path: string) => {
    setErrors((current) => withoutError(current, path));
  }, []);

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (pending) return;
      const { action, toInput, schema, onSend, onSuccess, refresh, onFailure, successToast, failureToast } = latest.current;
      const data = new FormData(event.currentTarget);
      const values = formValues(data);
      const input = toInput ? toInput(values, data) : (values as I);
      const checked = schema?.safeParse(input);
      if (checked && !checked.success) return showFailure(validationFailure(checked.error.issues));
      onSend?.(input);
      startTransition(async () => {
        const result = await callAction(action, input);
        if (result.ok) {
          setErrors({});
          setMessage(null);
          if (successToast) showToast(typeof successToast === "function" ? successToast(result.data, input) : successToast);
          if (!refresh) return onSuccess?.(result.data, input);
          // A transition started after the await: React would otherwise not count it as this one's.
          startTransition(() => {
            router.refresh();
            onSuccess?.(result.data, input);
          });
          return;
        }
        if (onFailure?.(result, input)) return;
        showFailure(result);
        const note = failureToast === false ? null : failureToast ? failureToast(result) : defaultFailureToast(result);
        if (note) toast.error(note);
      });
    },
    [pending, router, showFailure],
  );

  /** Typing into a field clears its error (the error names what to fix; once touched it has said so). */
  const onInput = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      for (const key of keysOf(event.target as HTMLElement)) clearError(key);
    },
    [clearError],
  );

  const fieldProps = useCallback(
    (path: string): ActionFieldProps => {
      const { id, errorId } = fieldIds(formId, path);
      const invalid = Boolean(errorFor(errors, path));
      return { name: path, id, "aria-invalid": invalid || undefined, "aria-describedby": invalid ? errorId : undefined };
    },
    [errors, formId],
  );

  return {
    formProps: { ref: formRef, onSubmit, onInput, noValidate: true },
    pending,
    errors,
    /** The form-level message: a refusal not about one field, or errors no rendered field shows. */
    message,
    errorFor: (path: string) => errorFor(errors, path),
    /** For the `Field` component: `<Field label="…" {...form.field("title")}>`. */
    field: (path: string) => ({ name: path, error: errorFor(errors, path) }),
    /** For a control outside `Field`; pair it with `<FormFieldError form={form} name={path} />`. */
    fieldProps,
    errorId: (path: string) => fieldIds(formId, path).errorId,
    clearError,
    /** Show a refusal that came from elsewhere (e.g. a check the form makes itself). */
    showFailure,
    /** Forget the last refusal (e.g. when an inline editor opens again). */
    reset: () => (setErrors({}), setMessage(null)),
    /** Submit as the submit button would (Ctrl+Enter, Enter in a field). */
    submit: () => formRef.current?.requestSubmit(),
  };
}

export type ActionForm = ReturnType<typeof useActionForm>;

function showToast(content: ToastContent) {
  if (typeof content === "string") toast.success(content);
  else toast.success(content.title, { description: content.description });
}

function defaultFailureToast(failure: ActionFailure): string | null {
  return failure.code === "VALIDATION" ? null : failure.message;
}

/** The keys a control answers to: its name, then the data-field of the composite control around it. */
function keysOf(el: Element | null): string[] {
  if (!el) return [];
  const keys: string[] = [];
  const name = el.getAttribute("name");
  if (name) keys.push(name);
  const field = el.closest<HTMLElement>("[data-field]")?.dataset.field;
  if (field && field !== name) keys.push(field);
  return keys;
}

function controlsOf(form: HTMLFormElement): HTMLElement[] {
  return [...form.querySelectorAll<HTMLElement>('[name]:not([type="hidden"]), [data-field]')];
}

function renderedKeys(form: HTMLFormElement): Set<string> {
  return new Set(controlsOf(form).flatMap(keysOf));
}

function focusFirstInvalid(form: HTMLFormElement, errors: FieldErrors) {
  const controls = controlsOf(form);
  const el = controls[firstInvalid(controls.map(keysOf), errors)];
  if (!el) return;
  // A composite control (a fieldset of buttons, say) is focused through its first enabled control.
  const focusable = el.matches("input, select, textarea, button")
    ? el
    : el.querySelector<HTMLElement>("input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])");
  focusable?.focus();
}
