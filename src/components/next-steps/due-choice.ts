import { DUE_PRESET_LABELS, type DuePreset, duePresetAt } from "@/lib/dates/due-presets";
import { fromLocalInputValue, toLocalInputValue } from "@/lib/dates/zoned";

/** A due time as the user picked it: a quick preset (resolved at submit time) or a wall time in the org's zone. */
export type DueChoice = { kind: "preset"; preset: DuePreset } | { kind: "custom"; local: string };

/** The presets in button order; the digit keys 1–4 pick them and 5 switches to a custom time. */
export const DUE_PRESETS: readonly DuePreset[] = ["later-today", "tomorrow-9", "in-3-days", "next-week"];
export const CUSTOM_KEY = String(DUE_PRESETS.length + 1);

export { DUE_PRESET_LABELS };

export const DEFAULT_DUE: DueChoice = { kind: "preset", preset: "tomorrow-9" };

/**
 * The instant a choice stands for. Presets are computed from `now` so that "later today" means
 * later than the moment of submitting; a custom value is read in the ORG's time zone, not the browser's.
 */
export function resolveDue(choice: DueChoice, now: Date, timeZone: string): Date | null {
  if (choice.kind === "preset") return duePresetAt(choice.preset, now, timeZone);
  return fromLocalInputValue(choice.local, timeZone);
}

/** Switching to "custom" starts from the time the current choice stands for, so the user edits rather than types from scratch. */
export function toCustom(choice: DueChoice, now: Date, timeZone: string): DueChoice {
  if (choice.kind === "custom") return choice;
  return { kind: "custom", local: toLocalInputValue(duePresetAt(choice.preset, now, timeZone), timeZone) };
}

/** Digit shortcuts: "1".."4" → a preset, "5" → custom, anything else → null. */
export function dueShortcut(key: string): DuePreset | "custom" | null {
  if (key === CUSTOM_KEY) return "custom";
  const index = Number(key) - 1;
  return Number.isInteger(index) && index >= 0 && index < DUE_PRESETS.length ? DUE_PRESETS[index]! : null;
}

/**
 * Whether a key press belongs to the focused control (typing text) rather than to our shortcuts.
 * Radios, checkboxes and buttons take no digits, so shortcuts work while they have focus.
 */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).tagName !== "string") return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag !== "input") return false;
  const type = ((el as HTMLInputElement).type || "text").toLowerCase();
  return !["radio", "checkbox", "button", "submit", "reset"].includes(type);
}
