import { describe, expect, it } from "vitest";

import { defaultStages } from "@/lib/deals/pipeline-defaults";

import type { ImportStage } from "./stages";
import { isStatusColumn, readDealStatus, stageWithStatus } from "./status";

const stages: ImportStage[] = defaultStages("en-GB").map((s, i) => ({
  id: `s${i}`,
  name: s.name,
  probability: s.probability,
  kind: s.kind,
}));
const [lead, , , negotiation, won, lost] = stages as [ImportStage, ImportStage, ImportStage, ImportStage, ImportStage, ImportStage];

describe("readDealStatus", () => {
  it("reads Pipedrive's statuses and their French and Danish words", () => {
    expect(["open", "Won", " LOST ", "Gagné", "perdu", "en cours", "Vundet", "tabt"].map(readDealStatus)).toEqual([
      "open",
      "won",
      "lost",
      "won",
      "lost",
      "open",
      "won",
      "lost",
    ]);
    expect(readDealStatus("deleted")).toBeNull();
    expect(readDealStatus("Negotiation")).toBeNull();
  });

  it("tells a status column (only open / won / lost) from a stage column", () => {
    expect(isStatusColumn(["open", "won", "lost", ""])).toBe(true);
    expect(isStatusColumn(["Prospect", "Gagné", "Perdu"])).toBe(false);
    expect(isStatusColumn(["", " "])).toBe(false);
  });
});

describe("stageWithStatus", () => {
  it("lets won and lost decide whatever the stage: a lost row is never an open deal", () => {
    expect(stageWithStatus(negotiation, "lost", stages)).toEqual({ ok: true, stage: lost });
    expect(stageWithStatus(lead, "won", stages)).toEqual({ ok: true, stage: won });
    expect(stageWithStatus(null, "lost", stages)).toEqual({ ok: true, stage: lost });
  });

  it("keeps the stage of an open row, and refuses an open row in a closed stage", () => {
    expect(stageWithStatus(negotiation, "open", stages)).toEqual({ ok: true, stage: negotiation });
    expect(stageWithStatus(null, "open", stages)).toEqual({ ok: true, stage: null });
    expect(stageWithStatus(lost, "open", stages)).toEqual({ ok: false, message: "The status says open but the stage is “Lost”" });
    expect(stageWithStatus(won, null, stages)).toEqual({ ok: true, stage: won });
  });
});
