import { type ImportStage, type OpenFamily, openFamilyOf } from "./stages";

/** What a person plans next for a deal at each default step: not "Qualify" for a deal in negotiation. */
const STEPS: Record<OpenFamily, { en: string; fr: string }> = {
  lead: { en: "Qualify the need", fr: "Qualifier le besoin" },
  qualified: { en: "Send a proposal", fr: "Envoyer une proposition" },
  proposal: { en: "Follow up on the proposal", fr: "Relancer la proposition" },
  negotiation: { en: "Agree the terms and close", fr: "Finaliser les conditions et signer" },
};

/** The step a stage's name suggests, in the org's language (null for a name we do not know). */
export function suggestedFirstStep(stageName: string, locale: string): string | null {
  const family = openFamilyOf(stageName);
  if (!family) return null;
  return locale.startsWith("fr") ? STEPS[family].fr : STEPS[family].en;
}

/**
 * The first next step of a deal imported into an open stage: the admin's per-stage default
 * (pipeline settings), else what the stage's name suggests, else the import's own step.
 */
export function firstStepFor(stage: Pick<ImportStage, "name" | "firstStep">, locale: string, fallback: string): string {
  return stage.firstStep ?? suggestedFirstStep(stage.name, locale) ?? fallback;
}
