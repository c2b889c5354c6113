import type { ImportStage } from "./stages";
import { foldLabel } from "./text";

/** What a separate status column says (Pipedrive exports "open", "won" and "lost" beside the stage). */
export type DealStatusValue = "open" | "won" | "lost";

const WORDS: Record<string, DealStatusValue> = {};
const add = (status: DealStatusValue, words: string[]) => words.forEach((w) => (WORDS[w] = status));
add("open", ["open", "opened", "active", "in progress", "ouvert", "ouverte", "en cours", "aben"]);
add("won", ["won", "closed won", "win", "gagne", "gagnee", "vundet"]);
add("lost", ["lost", "closed lost", "perdu", "perdue", "tabt"]);

/** null: not a status word (Pipedrive's "deleted", a stage name…). */
export function readDealStatus(raw: string): DealStatusValue | null {
  return WORDS[foldLabel(raw)] ?? null;
}

/** A column whose values are all status words is a status column, not a stage column. */
export function isStatusColumn(values: string[]): boolean {
  const present = values.filter((v) => v.trim() !== "");
  return present.length > 0 && present.every((v) => readDealStatus(v) !== null);
}

export type StatusOutcome = { ok: true; stage: ImportStage | null } | { ok: false; message: string };

/**
 * The stage a row lands in when a status column sits beside the stage column: won and lost
 * decide (a lost deal is never imported as an open deal in the stage where it was lost); open
 * keeps the row's stage, which must then be an open one. `stage` null: the row names none.
 */
export function stageWithStatus(stage: ImportStage | null, status: DealStatusValue | null, stages: ImportStage[]): StatusOutcome {
  if (status === null) return { ok: true, stage };
  if (status === "open") {
    if (stage && stage.kind !== "open") return { ok: false, message: `The status says open but the stage is “${stage.name}”` };
    return { ok: true, stage };
  }
  const closing = stages.find((s) => s.kind === status);
  if (!closing) return { ok: false, message: `This organization has no ${status} stage` };
  return { ok: true, stage: closing };
}
