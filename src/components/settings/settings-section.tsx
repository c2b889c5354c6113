import type { ReactNode } from "react";

type SettingsSectionProps = { title: string; description: string; last?: boolean; children: ReactNode };

/** One titled band of a settings card: what it is about on the left, its fields on the right. */
export function SettingsSection({ title, description, last, children }: SettingsSectionProps) {
  return (
    <div className={last ? "px-5 py-5" : "border-b border-zinc-200 px-5 py-5 dark:border-zinc-800"}>
      <div className="grid gap-5 md:grid-cols-3">
        <div className="space-y-1">
          <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{title}</h2>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{description}</p>
        </div>
        <div className="md:col-span-2">{children}</div>
      </div>
    </div>
  );
}
