"use client";

import { clsx } from "clsx";
import { LoaderCircle, Pencil } from "lucide-react";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";

import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type InlineFieldProps = {
  label: string;
  /** The value as shown when not editing. */
  display: ReactNode;
  /** Shown muted, e.g. "Not set". */
  empty?: boolean;
  editable: boolean;
  /** The editor's starting text. */
  draft: string;
  /** Returns an error to keep the editor open (client-side validation), or null once the save has started. */
  onCommit: (draft: string) => string | null;
  type?: "text" | "date" | "number" | "money";
  options?: { value: string; label: string }[];
  saving?: boolean;
  /** A server refusal, shown under the value after the optimistic change was rolled back. */
  error?: string | null;
  /** Extra controls under the value (e.g. "Reset to stage default"). */
  aside?: ReactNode;
  inputProps?: { min?: number; max?: number; maxLength?: number; placeholder?: string };
};

/**
 * Click (or Enter/Space: the value is a button) to edit; Enter or leaving the field saves, Escape
 * cancels. Focus returns to the value after a keyboard save or cancel so editing a row of fields
 * never loses the user's place.
 */
export function InlineField(props: InlineFieldProps) {
  const { label, display, empty, editable, draft: initial, onCommit, type = "text", options, saving, error, aside, inputProps } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(initial);
  const [localError, setLocalError] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // Set once the editor is closing, so the blur that unmounting may cause does not save twice.
  const closing = useRef(false);
  const pickedWithPointer = useRef(false);
  const id = useId();
  const errorId = `${id}-error`;
  const message = editing ? localError : error;

  useEffect(() => {
    if (!editing && refocus.current) {
      refocus.current = false;
      buttonRef.current?.focus();
    }
  }, [editing]);

  function start() {
    setDraft(initial);
    setLocalError(null);
    closing.current = false;
    pickedWithPointer.current = false;
    setEditing(true);
  }

  function close(withFocus: boolean) {
    closing.current = true;
    refocus.current = withFocus;
    setLocalError(null);
    setEditing(false);
  }

  function commit(value: string, withFocus: boolean) {
    if (closing.current) return;
    if (value === initial) return close(withFocus);
    const problem = onCommit(value);
    if (problem) {
      setLocalError(problem);
      return;
    }
    close(withFocus);
  }

  const editorProps = {
    id,
    "aria-label": label,
    "aria-invalid": localError ? (true as const) : undefined,
    "aria-describedby": localError ? errorId : undefined,
    autoFocus: true,
    onKeyDown(e: React.KeyboardEvent<HTMLInputElement | HTMLSelectElement>) {
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
          options ? (
            <Select
              {...editorProps}
              value={draft}
              onPointerDown={() => (pickedWithPointer.current = true)}
              onChange={(e) => {
                // Arrow keys change a closed native select on some platforms: only a pointer pick saves at once.
                setDraft(e.target.value);
                if (pickedWithPointer.current) commit(e.target.value, true);
              }}
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
              value={draft}
              onChange={(e) => {
                setDraft(e.target.value);
                setLocalError(null);
              }}
            />
          )
        ) : editable ? (
          <button
            ref={buttonRef}
            type="button"
            onClick={start}
            aria-describedby={error ? errorId : undefined}
            className={clsx(
              "group -mx-2 flex min-h-9 w-[calc(100%+1rem)] items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm",
              "hover:bg-zinc-100 dark:hover:bg-zinc-800/70",
              empty ? "text-zinc-400 dark:text-zinc-500" : "text-zinc-900 dark:text-zinc-100",
            )}
          >
            <span className="sr-only">Edit {label.toLowerCase()}: </span>
            <span className="min-w-0 flex-1 break-words">{display}</span>
            {saving ? (
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
