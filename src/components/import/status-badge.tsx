import { Badge, type BadgeTone } from "@/components/ui/badge";

export type ImportStatus = "draft" | "queued" | "running" | "completed" | "failed" | "reverted";

const STATUS: Record<ImportStatus, { label: string; tone: BadgeTone }> = {
  draft: { label: "Not started", tone: "neutral" },
  queued: { label: "Queued", tone: "brand" },
  running: { label: "Importing", tone: "brand" },
  completed: { label: "Completed", tone: "green" },
  failed: { label: "Failed", tone: "red" },
  reverted: { label: "Reverted", tone: "amber" },
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { label, tone } = STATUS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
