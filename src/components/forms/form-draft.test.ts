import { describe, expect, it } from "vitest";

import { draftKey } from "./form-draft";

describe("draftKey", () => {
  it("is equal for equal values and differs when one field changes", () => {
    const saved = { name: "Lead", probability: "10", nested: { due: "tomorrow-9" } };
    expect(draftKey({ name: "Lead", probability: "10", nested: { due: "tomorrow-9" } })).toBe(draftKey(saved));
    expect(draftKey({ ...saved, probability: "15" })).not.toBe(draftKey(saved));
    expect(draftKey({ ...saved, nested: { due: "next-week" } })).not.toBe(draftKey(saved));
  });

  it("tells files apart by name and size (JSON alone would see two empty objects)", () => {
    const a = new File(["a,b"], "a.csv", { lastModified: 1 });
    expect(draftKey({ file: a })).toBe(draftKey({ file: new File(["a,b"], "a.csv", { lastModified: 1 }) }));
    expect(draftKey({ file: a })).not.toBe(draftKey({ file: new File(["a,b,c"], "a.csv", { lastModified: 1 }) }));
    expect(draftKey({ file: a })).not.toBe(draftKey({ file: new File(["a,b"], "b.csv", { lastModified: 1 }) }));
  });
});
