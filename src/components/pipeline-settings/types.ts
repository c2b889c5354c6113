import type { StageKind } from "@/lib/deals/pipeline-defaults";

export type StageView = { id: string; name: string; probability: number; staleAfterDays: number; kind: StageKind; dealCount: number };
