import { clsx } from "clsx";
import type { ComponentProps } from "react";

import { controlClasses } from "./input";

/** A multi-line input with the same border, focus and invalid states as Input; grows with `rows`. */
export function Textarea({ className, rows = 3, ...rest }: ComponentProps<"textarea">) {
  return <textarea rows={rows} className={clsx(controlClasses, "h-auto min-h-16 resize-y py-2 leading-snug", className)} {...rest} />;
}
