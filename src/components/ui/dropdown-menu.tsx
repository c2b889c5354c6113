"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import { clsx } from "clsx";
import { Check } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";

export const DropdownMenu = Menu.Root;
export const DropdownMenuTrigger = Menu.Trigger;
export const DropdownMenuGroup = Menu.Group;
export const DropdownMenuRadioGroup = Menu.RadioGroup;

export function DropdownMenuContent({ className, sideOffset = 6, ...rest }: ComponentProps<typeof Menu.Content>) {
  return (
    <Menu.Portal>
      <Menu.Content
        sideOffset={sideOffset}
        collisionPadding={8}
        className={clsx(
          "z-50 min-w-56 overflow-hidden rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg data-[state=open]:animate-pop-in",
          "dark:border-zinc-800 dark:bg-zinc-900",
          className,
        )}
        {...rest}
      />
    </Menu.Portal>
  );
}

// Radix moves real focus to the highlighted item, so data-highlighted doubles as the focus style;
// the global outline is suppressed here because the background already shows it.
const itemClasses = clsx(
  "relative flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-zinc-700 outline-none select-none dark:text-zinc-300",
  "data-highlighted:bg-zinc-100 data-highlighted:text-zinc-900 dark:data-highlighted:bg-zinc-800 dark:data-highlighted:text-zinc-50",
  "data-disabled:pointer-events-none data-disabled:opacity-50",
);

export function DropdownMenuItem({ className, ...rest }: ComponentProps<typeof Menu.Item>) {
  return <Menu.Item className={clsx(itemClasses, className)} {...rest} />;
}

/** A radio item with a check mark for the selected value (role="menuitemradio", aria-checked). */
export function DropdownMenuRadioItem({ className, children, ...rest }: ComponentProps<typeof Menu.RadioItem>) {
  return (
    <Menu.RadioItem className={clsx(itemClasses, "pr-8", className)} {...rest}>
      {children}
      <Menu.ItemIndicator className="absolute right-2 inline-flex items-center text-brand-600 dark:text-brand-400">
        <Check aria-hidden className="size-4" />
      </Menu.ItemIndicator>
    </Menu.RadioItem>
  );
}

export function DropdownMenuLabel({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <Menu.Label className={clsx("px-2 pt-1.5 pb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400", className)}>{children}</Menu.Label>
  );
}

export function DropdownMenuSeparator() {
  return <Menu.Separator className="-mx-1 my-1 h-px bg-zinc-200 dark:bg-zinc-800" />;
}
