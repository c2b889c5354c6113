import { describe, expect, it } from "vitest";

import { defaultStages } from "@/lib/deals/pipeline-defaults";

import type { ImportStage } from "./stages";
import {
  countColumnValues,
  listedValues,
  MAX_LISTED_VALUES,
  mergeRemembered,
  prefillStageValues,
  startingChoices,
  valueStageMatcher,
} from "./value-map";

const stages: ImportStage[] = defaultStages("fr-FR").map((s, i) => ({
  id: `s${i}`,
  name: s.name,
  probability: s.probability,
  kind: s.kind,
}));

describe("valueStageMatcher", () => {
  it("sends each listed value where the user mapped it, and matches the others by name", () => {
    const match = valueStageMatcher(stages, [
      { value: "Contact Made", stageId: "s1" },
      { value: "Demo Scheduled", stageId: "s3" },
      { value: "Parked", stageId: null },
    ]);
    expect(match(" Contact Made ")?.name).toBe("Qualifié");
    expect(match("Demo Scheduled")?.name).toBe("Négociation");
    expect(match("Parked")).toBeNull(); // not mapped: the row is refused
    expect(match("Gagné")?.kind).toBe("won");
    expect(match("Unknown")).toBeNull();
  });

  it("ignores a stage id that is not one of the org's", () => {
    expect(valueStageMatcher(stages, [{ value: "Perdu", stageId: "elsewhere" }])("Perdu")?.kind).toBe("lost");
  });
});

describe("prefill and memory", () => {
  it("pre-fills from earlier imports first, then from stage names and French statuses", () => {
    const remembered = mergeRemembered([
      [{ value: "Contact made", stageId: "s1" }],
      [
        { value: "CONTACT MADE", stageId: "s0" }, // older: the newer choice wins
        { value: "Proposal Made", stageId: "s2" },
        { value: "Gone", stageId: "deleted-stage" },
      ],
    ]);
    expect(prefillStageValues(["Contact Made", "Proposal Made", "Négociation", "Gone", "Pending"], stages, remembered)).toEqual([
      { value: "Contact Made", stageId: "s1" },
      { value: "Proposal Made", stageId: "s2" },
      { value: "Négociation", stageId: "s3" },
      { value: "Gone", stageId: null },
      { value: "Pending", stageId: null },
    ]);
  });

  it("starts from the import's saved choices (a check was run) before the prefill", () => {
    expect(startingChoices(["Prospect", "Lost it"], [{ value: "Prospect", stageId: "s2" }], stages, {})).toEqual([
      { value: "Prospect", stageId: "s2" },
      { value: "Lost it", stageId: null },
    ]);
  });
});

describe("countColumnValues", () => {
  it("counts each column's distinct values, most frequent first, and gives up on columns with too many", () => {
    const records = Array.from({ length: MAX_LISTED_VALUES + 5 }, (_, i) => ({
      cells: [`Client ${i}`, i % 3 === 0 ? "won" : i % 3 === 1 ? "open" : "", i < 2 ? "Lead " : "Lead"],
    }));
    const [names, status, stage] = countColumnValues(3, records);
    expect(names).toBeNull();
    expect(status).toEqual([
      { value: "", count: 35 }, // equal counts: in value order
      { value: "open", count: 35 },
      { value: "won", count: 35 },
    ]);
    expect(stage).toEqual([{ value: "Lead", count: MAX_LISTED_VALUES + 5 }]);
    expect(listedValues(status)?.map((c) => c.value)).toEqual(["open", "won"]);
  });
});
