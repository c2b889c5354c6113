import { clsx } from "clsx";
import { CircleAlert, CircleCheck, Info } from "lucide-react";
import type { ReactNode } from "react";

type AlertTone = "error" | "info" | "success";

const TONES: Record<AlertTone, { box: string; Icon: typeof Info }> = {
  error: { box: "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200", Icon: CircleAlert },
  info: { box: "border-brand-200 bg-brand-50 text-brand-900 dark:border-brand-900 dark:bg-brand-950/60 dark:text-brand-100", Icon: Info },
  success: {
    box: "border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200",
    Icon: CircleCheck,
  },
};

type AlertProps = {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** role="alert" interrupts screen readers: use it for errors that appear after an action. */
  live?: boolean;
  id?: string;
};

export function Alert({ tone = "info", title, children, className, live = tone === "error", id }: AlertProps) {
  const { box, Icon } = TONES[tone];
  return (
    <div id={id} role={live ? "alert" : undefined} className={clsx("flex gap-2.5 rounded-lg border px-3.5 py-3 text-sm", box, className)}>
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 space-y-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className={clsx(title && "opacity-90")}>{children}</div> : null}
      </div>
    </div>
  );
}
