/** What the deal page's client components receive: plain, serializable values (dates as ISO strings). */
export type DealOrg = { slug: string; locale: string; timeZone: string; currency: string };

export type DealStageKind = "open" | "won" | "lost";

export type DealEditable = {
  title: string;
  contactName: string;
  valueMinor: number;
  ownerId: string;
  ownerName: string;
  probability: number;
  sector: string | null;
  source: string | null;
  /** YYYY-MM-DD (a calendar date, no time zone). */
  expectedCloseDate: string | null;
};

export type DealView = DealEditable & {
  id: string;
  currency: string;
  stageId: string;
  stageName: string;
  stageKind: DealStageKind;
  stageProbability: number;
};

export type StageOption = { id: string; name: string; kind: DealStageKind; probability: number };
export type Person = { id: string; name: string };
export type LossReasonOption = { id: string; label: string };
