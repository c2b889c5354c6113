/** The pipeline every new org starts with (DESIGN §3), in the org's language where we have one. */
export type StageKind = "open" | "won" | "lost";
export type StageDefault = { name: string; probability: number; kind: StageKind; staleAfterDays: number };

const EN: StageDefault[] = [
  { name: "Lead", probability: 10, kind: "open", staleAfterDays: 10 },
  { name: "Qualified", probability: 30, kind: "open", staleAfterDays: 10 },
  { name: "Proposal", probability: 50, kind: "open", staleAfterDays: 10 },
  { name: "Negotiation", probability: 70, kind: "open", staleAfterDays: 10 },
  { name: "Won", probability: 100, kind: "won", staleAfterDays: 10 },
  { name: "Lost", probability: 0, kind: "lost", staleAfterDays: 10 },
];

const FR: StageDefault[] = [
  { name: "Prospect", probability: 10, kind: "open", staleAfterDays: 10 },
  { name: "Qualifié", probability: 30, kind: "open", staleAfterDays: 10 },
  { name: "Proposition", probability: 50, kind: "open", staleAfterDays: 10 },
  { name: "Négociation", probability: 70, kind: "open", staleAfterDays: 10 },
  { name: "Gagné", probability: 100, kind: "won", staleAfterDays: 10 },
  { name: "Perdu", probability: 0, kind: "lost", staleAfterDays: 10 },
];

const LOSS_REASONS_EN = ["Price too high", "Chose a competitor", "No budget", "No decision / went silent", "Timing not right", "Other"];
const LOSS_REASONS_FR = [
  "Prix trop élevé",
  "Concurrent choisi",
  "Pas de budget",
  "Pas de décision / plus de réponse",
  "Mauvais timing",
  "Autre",
];

export function defaultStages(locale: string): StageDefault[] {
  return locale.startsWith("fr") ? FR : EN;
}

export function defaultLossReasons(locale: string): string[] {
  return locale.startsWith("fr") ? LOSS_REASONS_FR : LOSS_REASONS_EN;
}
