"use client";

import { clsx } from "clsx";
import { CalendarPlus, type LucideIcon, ThumbsDown, Trophy } from "lucide-react";

export type Then = "next" | "won" | "lost";

const CHOICES: { value: Then; label: string; Icon: LucideIcon }[] = [
  { value: "next", label: "Plan next action", Icon: CalendarPlus },
  { value: "won", label: "Close as won", Icon: Trophy },
  { value: "lost", label: "Close as lost", Icon: ThumbsDown },
];

/**
 * Native radios styled as segments: arrow keys move between them and the group is one Tab stop,
 * exactly as screen-reader and keyboard users expect from a radio group.
 */
type ThenChoiceProps = { name?: string; value: Then; onChange: (then: Then) => void; disabled?: boolean };

export function ThenChoice({ name = "then", value, onChange, disabled }: ThenChoiceProps) {
  return (
    <fieldset>
      <legend className="mb-1.5 text-sm font-medium text-zinc-800 dark:text-zinc-200">Then</legend>
      <div className="grid grid-cols-1 gap-1.5 sm:grid-cols-3">
        {CHOICES.map(({ value: v, label, Icon }) => (
          <label
            key={v}
            className={clsx(
              "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm font-medium transition-colors",
              "has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-500",
              value === v
                ? "border-brand-600 bg-brand-50 text-brand-800 dark:border-brand-400 dark:bg-brand-950 dark:text-brand-100"
                : "border-zinc-300 text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800",
              disabled && "cursor-not-allowed opacity-60",
            )}
          >
            <input
              type="radio"
              name={name}
              value={v}
              checked={value === v}
              disabled={disabled}
              onChange={() => onChange(v)}
              className="sr-only"
            />
            <Icon aria-hidden className="size-4 shrink-0" />
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
