import { CalendarDays, CircleCheckBig, type LucideIcon, Mail, Phone } from "lucide-react";

import { ACTION_TYPE_LABELS, ACTION_TYPES, type ActionType } from "@/lib/schemas/deals";

const ICONS: Record<ActionType, LucideIcon> = { call: Phone, email: Mail, meeting: CalendarDays, task: CircleCheckBig };

export { ACTION_TYPE_LABELS, ACTION_TYPES };

export function NextStepTypeIcon({ type, className }: { type: ActionType; className?: string }) {
  const Icon = ICONS[type];
  return <Icon aria-hidden className={className ?? "size-4"} />;
}

/** The <option>s of an action type select. */
export function NextStepTypeOptions() {
  return (
    <>
      {ACTION_TYPES.map((t) => (
        <option key={t} value={t}>
          {ACTION_TYPE_LABELS[t]}
        </option>
      ))}
    </>
  );
}
