"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { clsx } from "clsx";
import { Check, ChevronDown } from "lucide-react";
import { Fragment } from "react";

import { controlClasses } from "./input";

export type MultiSelectOption = { value: string; label: string; group?: string };

type MultiSelectMenuProps = {
  /** The trigger's visible name, e.g. "Stage"; also the menu's accessible name. */
  label: string;
  /** Shown after the label when nothing is selected, e.g. "All". */
  emptyText: string;
  options: MultiSelectOption[];
  selected: string[];
  onChange: (selected: string[]) => void;
  disabled?: boolean;
  className?: string;
};

/**
 * A dropdown of checkbox items for filters that take several values (e.g. stages). Radix provides
 * the keyboard model (arrows, type-ahead, Space/Enter toggles, Escape closes and returns focus);
 * the menu stays open while toggling, so several values can be picked in one visit.
 */
export function MultiSelectMenu({ label, emptyText, options, selected, onChange, disabled, className }: MultiSelectMenuProps) {
  const chosen = options.filter((o) => selected.includes(o.value));
  const summary = chosen.length === 0 ? emptyText : chosen.length === 1 ? chosen[0]!.label : `${chosen.length} selected`;

  function toggle(value: string, on: boolean) {
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  }

  return (
    <Menu.Root modal={false}>
      <Menu.Trigger
        disabled={disabled}
        aria-label={`${label}: ${summary}`}
        className={clsx(controlClasses, "inline-flex items-center justify-between gap-2 text-left", className)}
      >
        <span className="truncate">
          <span className="text-zinc-500 dark:text-zinc-400">{label}:</span> {summary}
        </span>
        <ChevronDown aria-hidden className="size-4 shrink-0 text-zinc-500 dark:text-zinc-400" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content
          aria-label={label}
          align="start"
          sideOffset={6}
          collisionPadding={8}
          className={clsx(
            "z-50 max-h-80 min-w-56 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg data-[state=open]:animate-pop-in",
            "dark:border-zinc-800 dark:bg-zinc-900",
          )}
        >
          {options.map((option, i) => {
            const heading = option.group && option.group !== options[i - 1]?.group ? option.group : null;
            return (
              <Fragment key={option.value}>
                {heading ? (
                  <Menu.Label className="px-2 pt-2 pb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">{heading}</Menu.Label>
                ) : null}
                <Menu.CheckboxItem
                  checked={selected.includes(option.value)}
                  onCheckedChange={(on) => toggle(option.value, on === true)}
                  // Keep the menu open so that several values can be toggled in one go.
                  onSelect={(event) => event.preventDefault()}
                  className={clsx(
                    "relative flex w-full items-center gap-2 rounded-md py-1.5 pr-2 pl-8 text-zinc-700 outline-none select-none dark:text-zinc-300",
                    "data-highlighted:bg-zinc-100 data-highlighted:text-zinc-900 dark:data-highlighted:bg-zinc-800 dark:data-highlighted:text-zinc-50",
                  )}
                >
                  <span
                    aria-hidden
                    className="absolute left-2 inline-flex size-4 items-center justify-center rounded border border-zinc-300 dark:border-zinc-600"
                  >
                    <Menu.ItemIndicator>
                      <Check className="size-3.5 text-brand-600 dark:text-brand-400" />
                    </Menu.ItemIndicator>
                  </span>
                  {option.label}
                </Menu.CheckboxItem>
              </Fragment>
            );
          })}
          {selected.length > 0 ? (
            <>
              <Menu.Separator className="-mx-1 my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
              <Menu.Item
                onSelect={() => onChange([])}
                className="flex w-full items-center rounded-md px-2 py-1.5 text-zinc-700 outline-none select-none data-highlighted:bg-zinc-100 dark:text-zinc-300 dark:data-highlighted:bg-zinc-800"
              >
                Clear selection
              </Menu.Item>
            </>
          ) : null}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
