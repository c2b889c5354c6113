import { describe, expect, it } from "vitest";

import { defaultStages } from "@/lib/deals/pipeline-defaults";

import { type ImportStage, stageMatcher } from "./stages";

const pipeline = (locale: string): ImportStage[] =>
  defaultStages(locale).map((s, i) => ({ id: `s${i}`, name: s.name, probability: s.probability, kind: s.kind }));

describe("stageMatcher", () => {
  const fr = stageMatcher(pipeline("fr-FR"));
  const en = stageMatcher(pipeline("en-GB"));

  it("matches the org's stage names in any case, with or without accents", () => {
    expect(fr("Prospect")?.name).toBe("Prospect");
    expect(fr("Qualifié")?.name).toBe("Qualifié");
    expect(fr("qualifie")?.name).toBe("Qualifié");
    expect(fr("NÉGOCIATION")?.name).toBe("Négociation");
    expect(fr("Negociation")?.name).toBe("Négociation");
    expect(fr(" gagne ")?.name).toBe("Gagné");
    expect(fr("Perdu")?.name).toBe("Perdu");
    expect(fr("Qualifié (30 %)")?.name).toBe("Qualifié");
  });

  it("maps the other language's names to the default-pipeline equivalent", () => {
    expect(en("Prospect")?.name).toBe("Lead");
    expect(en("Qualifié")?.name).toBe("Qualified");
    expect(en("Négociation")?.name).toBe("Negotiation");
    expect(en("Gagné")).toMatchObject({ name: "Won", kind: "won" });
    expect(en("Perdu")).toMatchObject({ name: "Lost", kind: "lost" });
    expect(fr("Won")?.name).toBe("Gagné");
    expect(fr("Closed lost")?.name).toBe("Perdu");
    expect(fr("Proposal")?.name).toBe("Proposition");
  });

  it("finds a renamed won stage by kind, and returns null for unknown statuses", () => {
    const custom = stageMatcher([
      { id: "a", name: "Nouveau", probability: 5, kind: "open" },
      { id: "w", name: "Signé !", probability: 100, kind: "won" },
      { id: "l", name: "Sans suite", probability: 0, kind: "lost" },
    ]);
    expect(custom("Gagné")?.id).toBe("w");
    expect(custom("Lost")?.id).toBe("l");
    expect(custom("Nouveau")?.id).toBe("a");
    expect(custom("Qualifié")).toBeNull(); // no stage of that family in this pipeline
    expect(fr("Inconnu")).toBeNull();
    expect(fr("")).toBeNull();
  });
});
