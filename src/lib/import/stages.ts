import type { StageKind } from "@/lib/deals/pipeline-defaults";

import { foldLabel } from "./text";

export type ImportStage = {
  id: string;
  name: string;
  probability: number;
  kind: StageKind;
  /** The admin's first next step for deals imported into this stage (null or absent: suggested from the name). */
  firstStep?: string | null;
};

/** The default pipeline's open steps, by the family of words people use for them. */
export type OpenFamily = "lead" | "qualified" | "proposal" | "negotiation";

/**
 * The default pipeline's stages with the words people use for them (English and French, folded).
 * A status that names no stage of the org is looked up here, then mapped to the org's stage of the
 * same family: "Prospect" finds "Lead" in an English org, "Won" finds "Gagné" in a French one.
 */
const FAMILIES: { kind: StageKind; family?: OpenFamily; names: string[] }[] = [
  {
    kind: "open",
    family: "lead",
    names: ["lead", "leads", "prospect", "prospects", "prospection", "new", "nouveau", "nouveau lead", "a qualifier"],
  },
  { kind: "open", family: "qualified", names: ["qualified", "qualifie", "qualifiee", "qualification", "discovery", "decouverte"] },
  {
    kind: "open",
    family: "proposal",
    names: ["proposal", "proposition", "proposal sent", "quote", "quote sent", "devis", "devis envoye", "offre", "offer"],
  },
  { kind: "open", family: "negotiation", names: ["negotiation", "negociation", "en negociation", "negotiating", "closing"] },
  { kind: "won", names: ["won", "closed won", "gagne", "gagnee", "signe", "signed", "win", "vendu", "sold"] },
  { kind: "lost", names: ["lost", "closed lost", "perdu", "perdue", "lose", "abandonne", "abandoned", "refuse"] },
];

/** Strips decorations such as "Qualifié (30 %)" or "Gagné 100%" before comparing. */
export function foldStatus(raw: string): string {
  return foldLabel(raw.replace(/\(?\s*\d{1,3}\s*%\s*\)?/g, " "));
}

export type StageMatcher = (raw: string) => ImportStage | null;

/** Builds the lookup once per import (it runs for every row). */
export function stageMatcher(stages: ImportStage[]): StageMatcher {
  const byName = new Map<string, ImportStage>();
  for (const s of stages) byName.set(foldStatus(s.name), s);
  const byWord = new Map<string, ImportStage>();
  for (const family of FAMILIES) {
    const target =
      family.kind === "open"
        ? family.names.map((n) => byName.get(n)).find((s) => s && s.kind === "open")
        : stages.find((s) => s.kind === family.kind);
    if (!target) continue;
    for (const n of family.names) if (!byWord.has(n)) byWord.set(n, target);
  }
  return (raw) => {
    const folded = foldStatus(raw);
    if (!folded) return null;
    return byName.get(folded) ?? byWord.get(folded) ?? null;
  };
}

const FAMILY_OF = new Map<string, OpenFamily>();
for (const f of FAMILIES) if (f.family) for (const n of f.names) FAMILY_OF.set(n, f.family);

/** Which default open step a stage's name says it is ("Devis envoyé" is a proposal), if any. */
export function openFamilyOf(name: string): OpenFamily | null {
  return FAMILY_OF.get(foldStatus(name)) ?? null;
}
