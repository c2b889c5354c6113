import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { DueState } from "@/lib/deals/rules";

const LOOK: Record<DueState, { tone: BadgeTone; label: string }> = {
  overdue: { tone: "red", label: "Overdue" },
  today: { tone: "amber", label: "Due today" },
  upcoming: { tone: "neutral", label: "Upcoming" },
};

export function DueStateBadge({ state }: { state: DueState }) {
  const { tone, label } = LOOK[state];
  return <Badge tone={tone}>{label}</Badge>;
}
