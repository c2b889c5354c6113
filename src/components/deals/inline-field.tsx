"use client";

import { clsx } from "clsx";
import { LoaderCircle, Pencil } from "lucide-react";
import { useRouter } from "next/navigation";
import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from "react";

import { useActionForm } from "@/components/forms/use-action-form";
import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/result";
import { updateDealSchema } from "@/lib/schemas/deals";

export type DealPatchInput = { dealId: string; patch: Record<string, unknown> };

type InlineFieldProps = {
  label: string;
  /** The value as shown when not editing. */
  display: ReactNode;
  /** Shown muted, e.g. "Not set". */
  empty?: boolean;
  editable: boolean;
  dealId: string;
  /** The patch key this field edits (`title`, `value`…); its errors come back as `patch.<key>`. */
  field: string;
  /** The editor's starting text. */
  draft: string;
  /** The typed text as the patch value (default: as typed). */
  toValue?: (text: string) => unknown;
  /** Sends the patch (the caller shows the new value optimistically meanwhile). */
  save: (input: DealPatchInput) => Promise<ActionResult<unknown>>;
  type?: "text" | "date" | "number" | "money";
  options?: { value: string; label: string }[];
  /** Extra controls under the value (e.g. "Reset to stage default"). */
  aside?: ReactNode;
  inputProps?: { min?: number; max?: number; maxLength?: number; placeholder?: string };
};

/**
 * Click (or Enter/Space: the value is a button) to edit; Enter or leaving the field saves, Escape
 * cancels. The editor is a one-field form on useActionForm: the browser check keeps it open with
 * the message; once sent it closes, the value shows at once with a spinner until the refreshed
 * page lands, and a refusal shows under the value. Focus returns to the value after a keyboard
 * save or cancel so editing a row of fields never loses the user's place.
 */
export function InlineField(props: InlineFieldProps) {
  const { label, display, empty, editable, dealId, field, draft, toValue, save, type = "text", options, aside, inputProps } = props;
  const name = `patch.${field}`;
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // Set once the editor is closing, so the blur that unmounting may cause does not save twice.
  const closing = useRef(false);
  const pickedWithPointer = useRef(false);
  const form = useActionForm({
    // The editor closes as the save is sent; the value shows optimistically (set by `save`, in the save's transition).
    onSend: () => close(refocus.current),
    action: save,
    schema: updateDealSchema,
    toInput: (_values, data) => {
      const text = String(data.get(name) ?? "");
      return { dealId, patch: { [field]: toValue ? toValue(text) : text } };
    },
    // Saved: the summary and the timeline follow from the server.
    refresh: true,
    onFailure: (failure) => {
      // Someone else changed the deal (closed, reassigned, deleted): show its current state.
      if (failure.code === "CONFLICT" || failure.code === "NOT_FOUND") router.refresh();
    },
    failureToast: false,
  });
  const message = form.errorFor(name) ?? (editing ? null : form.message);
  const errorId = form.errorId(name);

  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      buttonRef.current?.focus();
    }
  }, [editing]);

  function start() {
    form.reset();
    closing.current = false;
    pickedWithPointer.current = false;
    setEditing(true);
  }

  function close(withFocus: boolean) {
    closing.current = true;
    refocus.current = withFocus;
    setEditing(false);
  }

  function commit(value: string, withFocus: boolean) {
    if (closing.current) return;
    if (value === draft) return close(withFocus);
    refocus.current = withFocus;
    form.submit();
  }

  const editorProps = {
    ...form.fieldProps(name),
    "aria-label": label,
    autoFocus: true,
    defaultValue: draft,
    onKeyDown(e: KeyboardEvent<HTMLInputElement | HTMLSelectElement>) {
      if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        close(true);
      } else if (e.key === "Enter" && !e.nativeEvent.isComposing) {
        e.preventDefault();
        commit(e.currentTarget.value, true);
      }
    },
    onBlur(e: React.FocusEvent<HTMLInputElement | HTMLSelectElement>) {
      commit(e.currentTarget.value, false);
    },
  };

  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-[7rem_minmax(0,1fr)] sm:gap-3">
      <dt className="pt-1.5 text-sm text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0">
        {editing ? (
          <form {...form.formProps} aria-label={`Edit ${label.toLowerCase()}`}>
            {options ? (
              <Select
                {...editorProps}
                onPointerDown={() => (pickedWithPointer.current = true)}
                // Arrow keys change a closed native select on some platforms: only a pointer pick saves at once.
                onChange={(e) => pickedWithPointer.current && commit(e.target.value, true)}
              >
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            ) : (
              <Input
                {...editorProps}
                {...inputProps}
                type={type === "money" ? "text" : type}
                inputMode={type === "money" ? "decimal" : type === "number" ? "numeric" : undefined}
              />
            )}
          </form>
        ) : editable ? (
          <button
            ref={buttonRef}
            type="button"
            onClick={start}
            aria-describedby={message ? errorId : undefined}
            className={clsx(
              "group -mx-2 flex min-h-9 w-[calc(100%+1rem)] items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm",
              "hover:bg-zinc-100 dark:hover:bg-zinc-800/70",
              empty ? "text-zinc-400 dark:text-zinc-500" : "text-zinc-900 dark:text-zinc-100",
            )}
          >
            <span className="sr-only">Edit {label.toLowerCase()}: </span>
            <span className="min-w-0 flex-1 break-words">{display}</span>
            {form.pending ? (
              <LoaderCircle aria-label="Saving" className="size-3.5 shrink-0 animate-spin text-zinc-400" />
            ) : (
              <Pencil
                aria-hidden
                className="size-3.5 shrink-0 text-zinc-400 opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100"
              />
            )}
          </button>
        ) : (
          <p
            className={clsx("py-1.5 text-sm break-words", empty ? "text-zinc-400 dark:text-zinc-500" : "text-zinc-900 dark:text-zinc-100")}
          >
            {display}
          </p>
        )}
        {message ? (
          <div role="alert" className="mt-1">
            <FieldError id={errorId}>{message}</FieldError>
          </div>
        ) : null}
        {!editing && aside ? <div className="mt-1">{aside}</div> : null}
      </dd>
    </div>
  );
}
