"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { clsx } from "clsx";
import { X } from "lucide-react";
import type { ReactNode } from "react";

export const Dialog = RadixDialog.Root;
export const DialogTrigger = RadixDialog.Trigger;
export const DialogClose = RadixDialog.Close;

type DialogContentProps = {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons row at the bottom, right-aligned. */
  footer?: ReactNode;
  className?: string;
  /** Radix's hook for where focus goes once the dialog has closed (preventDefault to place it yourself). */
  onCloseAutoFocus?: (event: Event) => void;
};

/**
 * Radix supplies focus trapping, Escape to close, focus return and aria-modal; this adds the
 * look, and always renders a Title (and Description when given) so the dialog is announced.
 */
export function DialogContent({ title, description, children, footer, className, onCloseAutoFocus }: DialogContentProps) {
  return (
    <RadixDialog.Portal>
      <RadixDialog.Overlay className="fixed inset-0 z-50 bg-zinc-950/40 backdrop-blur-[1px] data-[state=open]:animate-fade-in dark:bg-black/60" />
      <RadixDialog.Content
        className={clsx(
          "fixed top-1/2 left-1/2 z-50 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2",
          "rounded-xl border border-zinc-200 bg-white p-5 shadow-xl data-[state=open]:animate-pop-in",
          "dark:border-zinc-800 dark:bg-zinc-900",
          className,
        )}
        onCloseAutoFocus={onCloseAutoFocus}
        // Without a description Radix warns; passing undefined explicitly opts out on purpose.
        {...(description ? {} : { "aria-describedby": undefined })}
      >
        <div className="flex items-start justify-between gap-4">
          <RadixDialog.Title className="text-base font-semibold text-zinc-900 dark:text-zinc-100">{title}</RadixDialog.Title>
          <RadixDialog.Close
            aria-label="Close"
            className="-mt-1 -mr-1 rounded-md p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
          >
            <X aria-hidden className="size-4" />
          </RadixDialog.Close>
        </div>
        {description ? (
          <RadixDialog.Description className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{description}</RadixDialog.Description>
        ) : null}
        {children ? <div className="mt-4">{children}</div> : null}
        {footer ? <div className="mt-5 flex flex-wrap justify-end gap-2">{footer}</div> : null}
      </RadixDialog.Content>
    </RadixDialog.Portal>
  );
}
