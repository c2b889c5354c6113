import type { StageKind } from "@/lib/deals/pipeline-defaults";

export type StageView = {
  id: string;
  name: string;
  probability: number;
  staleAfterDays: number;
  kind: StageKind;
  dealCount: number;
  /** Open stages: the first next step of imported deals, as saved or as the name suggests ("" if neither). */
  firstStep?: string;
};
