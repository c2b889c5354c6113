"use client";

import { useSyncExternalStore } from "react";

import { THEME_CHOICES, THEME_STORAGE_KEY, type ThemeChoice } from "./theme-script";

// Fired on this tab when the choice changes; other tabs learn about it from the `storage` event.
const CHANGE_EVENT = "momentum-theme-change";

function readChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return (THEME_CHOICES as readonly string[]).includes(stored ?? "") ? (stored as ThemeChoice) : "system";
  } catch {
    return "system";
  }
}

function prefersDark(): boolean {
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

/** Mirrors the inline head script, so a choice takes effect immediately without a reload. */
export function applyTheme(choice: ThemeChoice): void {
  const dark = choice === "dark" || (choice === "system" && prefersDark());
  const root = document.documentElement;
  root.classList.toggle("dark", dark);
  root.style.colorScheme = dark ? "dark" : "light";
}

export function setThemeChoice(choice: ThemeChoice): void {
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage unavailable (private mode, quota): the choice still applies for this page view.
  }
  applyTheme(choice);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribeChoice(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** The stored choice; "system" during server rendering and hydration, then the real value. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribeChoice, readChoice, () => "system");
}

function subscribeResolved(onChange: () => void) {
  // The class is the single source of truth: the head script, setThemeChoice and OS changes all set it.
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

/** Whether dark mode is actually showing right now (for widgets such as the toaster). */
export function useResolvedDark(): boolean {
  return useSyncExternalStore(
    subscribeResolved,
    () => document.documentElement.classList.contains("dark"),
    () => false,
  );
}
