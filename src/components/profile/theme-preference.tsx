"use client";

import { clsx } from "clsx";

import { THEME_OPTIONS } from "@/components/theme/theme-options";
import { THEME_CHOICES } from "@/components/theme/theme-script";
import { setThemeChoice, useThemeChoice } from "@/components/theme/use-theme";

/** The theme, as the user menu sets it: kept in this browser, applied at once. */
export function ThemePreference() {
  const theme = useThemeChoice();
  return (
    <fieldset>
      <legend className="sr-only">Theme</legend>
      <div className="flex flex-wrap gap-2">
        {THEME_CHOICES.map((choice) => {
          const { label, Icon } = THEME_OPTIONS[choice];
          return (
            <label
              key={choice}
              className={clsx(
                "flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-focus-visible:ring-2 has-focus-visible:ring-brand-500",
                theme === choice
                  ? "border-brand-500 bg-brand-50 text-brand-800 dark:bg-brand-950 dark:text-brand-200"
                  : "border-zinc-200 text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-800",
              )}
            >
              <input
                type="radio"
                name="theme"
                value={choice}
                checked={theme === choice}
                onChange={() => setThemeChoice(choice)}
                className="sr-only"
              />
              <Icon aria-hidden className="size-4" />
              {label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
