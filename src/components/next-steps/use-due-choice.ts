"use client";

import { type KeyboardEvent, useState } from "react";

import { DEFAULT_DUE, type DueChoice, dueShortcut, isTextEntry, resolveDue, toCustom } from "./due-choice";

/**
 * The due picker's state for a form (its value is picked, not typed, so the form cannot read it
 * from an input): `pick` sets it, `onShortcut` handles the digit keys on the form, and `resolve`
 * gives the ISO instant at submit time (a preset means "from now").
 */
export function useDueChoice(timeZone: string, onPick?: () => void) {
  const [due, setDue] = useState<DueChoice>(DEFAULT_DUE);

  function pick(choice: DueChoice) {
    setDue(choice);
    onPick?.();
  }

  /** Digits pick a preset (5: custom) unless the key types into a text field. */
  function onShortcut(event: KeyboardEvent<HTMLElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
    const shortcut = dueShortcut(event.key);
    if (!shortcut) return;
    event.preventDefault();
    pick(shortcut === "custom" ? toCustom(due, new Date(), timeZone) : { kind: "preset", preset: shortcut });
  }

  return { due, pick, onShortcut, resolve: () => resolveDue(due, new Date(), timeZone)?.toISOString() ?? "" };
}
