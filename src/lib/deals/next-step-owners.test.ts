import { describe, expect, it } from "vitest";

import { eligibleNextStepOwners } from "./rules";

describe("eligibleNextStepOwners", () => {
  const members = [
    { id: "a", name: "Ada", role: "admin" as const },
    { id: "m", name: "Max", role: "manager" as const },
    { id: "r1", name: "Rita", role: "rep" as const },
    { id: "r2", name: "Ravi", role: "rep" as const },
  ];

  it("offers leads and the step's current owner, never another rep", () => {
    expect(eligibleNextStepOwners(members, "r1").map((m) => m.id)).toEqual(["a", "m", "r1"]);
  });

  it("offers only leads when a lead holds the step", () => {
    expect(eligibleNextStepOwners(members, "m").map((m) => m.id)).toEqual(["a", "m"]);
  });
});
