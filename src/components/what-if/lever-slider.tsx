"use client";

import { clsx } from "clsx";
import { type ReactNode, useId } from "react";

type LeverSliderProps = {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  /** What the value means, shown beside the label and read by screen readers instead of the bare number. */
  valueText: string;
  /** Range ends under the track ("−50 %", "+50 %"). */
  minLabel: string;
  maxLabel: string;
  /** The baseline and where it comes from; linked to the slider with aria-describedby. */
  hint?: ReactNode;
  /** Highlights a lever that differs from the baseline. */
  changed?: boolean;
  testId?: string;
};

/**
 * One lever: a native range input, so arrows, Page Up/Down and Home/End work everywhere and
 * assistive technology announces it as a slider with its value text. Every move recomputes on the
 * client; nothing is sent to the server.
 */
export function LeverSlider({
  label,
  value,
  min,
  max,
  step,
  onChange,
  valueText,
  minLabel,
  maxLabel,
  hint,
  changed,
  testId,
}: LeverSliderProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1.5" data-testid={testId}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
        <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {label}
        </label>
        <output
          htmlFor={id}
          className={clsx(
            "text-sm tabular-nums",
            changed ? "font-semibold text-brand-700 dark:text-brand-300" : "text-zinc-600 dark:text-zinc-400",
          )}
        >
          {valueText}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
        aria-valuetext={valueText}
        aria-describedby={hintId}
        className="block h-6 w-full cursor-pointer accent-brand-600 dark:accent-brand-400"
      />
      <div aria-hidden className="flex justify-between text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
        <span>{minLabel}</span>
        <span>{maxLabel}</span>
      </div>
      {hint ? (
        <p id={hintId} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
