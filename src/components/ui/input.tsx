import { clsx } from "clsx";
import type { ComponentProps } from "react";

/**
 * Shared by inputs and selects so every control has the same height, border and invalid state: the
 * `.control` class of app/globals.css (a form of eight fields sent 6 KiB of these utilities).
 */
export const controlClasses = "control";

/** React 19 passes `ref` as an ordinary prop, so it reaches the <input> through the spread. */
export function Input({ className, ...rest }: ComponentProps<"input">) {
  return <input className={clsx(controlClasses, className)} {...rest} />;
}
