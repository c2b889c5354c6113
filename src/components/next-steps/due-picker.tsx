"use client";

import { clsx } from "clsx";
import { CalendarClock } from "lucide-react";
import { useId } from "react";

import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { formatDateTime } from "@/lib/dates/format";

import { CUSTOM_KEY, DUE_PRESET_LABELS, DUE_PRESETS, type DueChoice, resolveDue, toCustom } from "./due-choice";

type DuePickerProps = {
  /** Used for the fieldset, so a parent can move focus here when the due time is invalid. */
  id: string;
  legend?: string;
  timeZone: string;
  locale: string;
  value: DueChoice;
  onChange: (choice: DueChoice) => void;
  error?: string;
  disabled?: boolean;
  "data-field"?: string;
};

/**
 * Quick presets as toggle buttons (digits 1–4, shown on each), plus "Custom" (5) with a
 * datetime-local input read in the org's time zone. The resolved time is always spelled out.
 */
export function DuePicker({ id, legend = "Due", timeZone, locale, value, onChange, error, disabled, ...rest }: DuePickerProps) {
  const hintId = useId();
  const errorId = useId();
  const now = new Date();
  const resolved = resolveDue(value, now, timeZone);
  const zoneLabel = timeZone.replaceAll("_", " ");

  return (
    <fieldset id={id} data-field={rest["data-field"]} className="space-y-2" aria-describedby={clsx(error && errorId, hintId)}>
      <legend className="mb-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">{legend}</legend>
      <div className="flex flex-wrap gap-1.5">
        {DUE_PRESETS.map((preset, i) => (
          <PresetButton
            key={preset}
            label={DUE_PRESET_LABELS[preset]}
            shortcut={String(i + 1)}
            pressed={value.kind === "preset" && value.preset === preset}
            disabled={disabled}
            onClick={() => onChange({ kind: "preset", preset })}
          />
        ))}
        <PresetButton
          label="Custom"
          shortcut={CUSTOM_KEY}
          pressed={value.kind === "custom"}
          disabled={disabled}
          onClick={() => onChange(toCustom(value, new Date(), timeZone))}
        />
      </div>
      {value.kind === "custom" ? (
        <Input
          type="datetime-local"
          aria-label={`Custom due time (${zoneLabel})`}
          aria-invalid={error ? true : undefined}
          value={value.local}
          disabled={disabled}
          onChange={(e) => onChange({ kind: "custom", local: e.target.value })}
          className="max-w-64"
        />
      ) : null}
      <p id={hintId} className="flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
        <CalendarClock aria-hidden className="size-3.5 shrink-0" />
        <span suppressHydrationWarning>
          {resolved ? `${formatDateTime(resolved, locale, timeZone)} · ${zoneLabel} time` : `Pick a date and time (${zoneLabel} time)`}
        </span>
      </p>
      {error ? <FieldError id={errorId}>{error}</FieldError> : null}
    </fieldset>
  );
}

type PresetButtonProps = { label: string; shortcut: string; pressed: boolean; disabled?: boolean; onClick: () => void };

function PresetButton({ label, shortcut, pressed, disabled, onClick }: PresetButtonProps) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut}
      disabled={disabled}
      onClick={onClick}
      className={clsx(
        "inline-flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-sm font-medium transition-colors disabled:opacity-60",
        pressed
          ? "border-brand-600 bg-brand-50 text-brand-800 dark:border-brand-400 dark:bg-brand-950 dark:text-brand-100"
          : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800",
      )}
    >
      {label}
      <kbd
        aria-hidden
        className={clsx(
          "rounded border px-1 font-mono text-[0.65rem] leading-4",
          pressed
            ? "border-brand-300 text-brand-700 dark:border-brand-700 dark:text-brand-200"
            : "border-zinc-300 text-zinc-500 dark:border-zinc-600 dark:text-zinc-400",
        )}
      >
        {shortcut}
      </kbd>
    </button>
  );
}
