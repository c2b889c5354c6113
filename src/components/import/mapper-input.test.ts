import { describe, expect, it } from "vitest";

import { validateImportSchema } from "@/lib/schemas/imports";

import { importInputOf, mappingOf, stageValuesOf } from "./mapper-input";

const IMPORT_ID = "0190a5b8-7c1e-7d2f-8a3b-4c5d6e7f8a9b";

describe("importInputOf", () => {
  it("turns the form's text values into the action's input, ignored columns as null", () => {
    const input = importInputOf(
      {
        mapping: ["contact", "", "value"],
        mode: "create_update",
        unknownOwner: "me",
        firstAction: { type: "call", details: "Qualify", due: "tomorrow-9" },
      },
      IMPORT_ID,
    );
    expect(input).toEqual({
      importId: IMPORT_ID,
      mapping: ["contact", null, "value"],
      stageValues: [],
      mode: "create_update",
      unknownOwner: "me",
      dateOrder: null,
      firstAction: { type: "call", details: "Qualify", due: "tomorrow-9" },
    });
    expect(validateImportSchema.safeParse(input).success).toBe(true);
    // The date order: "" is "as detected"; a choice passes through.
    expect(importInputOf({ mapping: ["contact"], dateOrder: "day-first" }, IMPORT_ID).dateOrder).toBe("day-first");
  });

  it("leaves a missing choice empty, for the schema to refuse on that field", () => {
    const input = importInputOf({ mapping: ["contact"], firstAction: { details: "" } }, IMPORT_ID);
    const parsed = validateImportSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["mode", "unknownOwner", "firstAction.type", "firstAction.details", "firstAction.due"]));
  });
});

describe("mappingOf", () => {
  it("is null before the form has values, and fills holes as ignored", () => {
    expect(mappingOf(null)).toBeNull();
    expect(mappingOf({})).toBeNull();

    expect(mappingOf({ mapping: ["contact", , "title"] as string[] })).toEqual(["contact", null, "title"]);
  });
});

describe("stageValuesOf", () => {
  it("reads the value-mapping step's choices, an unmapped value as null", () => {
    const stageId = "0190a5b8-7c1e-7d2f-8a3b-4c5d6e7f8a9c";
    const values = {
      mapping: ["contact", "stage"],
      stageValues: [
        { value: "Contact Made", stageId },
        { value: "Demo", stageId: "" },
      ],
    };
    expect(stageValuesOf(values)).toEqual([
      { value: "Contact Made", stageId },
      { value: "Demo", stageId: null },
    ]);
    expect(stageValuesOf({ mapping: ["contact"] })).toBeNull();
    expect(importInputOf(values, IMPORT_ID).stageValues).toEqual(stageValuesOf(values));
  });
});
