import { describe, expect, it } from "vitest";

import { formValues } from "./form-values";

function data(entries: [string, string][]) {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe("formValues", () => {
  it("nests values by their dotted names", () => {
    expect(
      formValues(
        data([
          ["title", "Canteen"],
          ["nextAction.dueAt", "2027-01-01T09:00:00Z"],
          ["nextAction.details", "Call"],
        ]),
      ),
    ).toEqual({ title: "Canteen", nextAction: { dueAt: "2027-01-01T09:00:00Z", details: "Call" } });
  });

  it("makes numeric segments array indexes", () => {
    expect(
      formValues(
        data([
          ["lines.0.amount", "10"],
          ["lines.1.amount", "20"],
          ["lines.1.note", "second"],
        ]),
      ),
    ).toEqual({ lines: [{ amount: "10" }, { amount: "20", note: "second" }] });
  });

  it("collects a repeated name into an array, and keeps empty strings", () => {
    expect(
      formValues(
        data([
          ["stages", "a"],
          ["stages", "b"],
          ["note", ""],
        ]),
      ),
    ).toEqual({ stages: ["a", "b"], note: "" });
  });

  it("ignores names that could reach the prototype or have empty segments", () => {
    const values = formValues(
      data([
        ["__proto__.polluted", "yes"],
        ["a..b", "x"],
        ["ok", "1"],
      ]),
    );
    expect(values).toEqual({ ok: "1" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("keeps files as they are", () => {
    const fd = new FormData();
    const file = new File(["a,b"], "deals.csv", { type: "text/csv" });
    fd.append("file", file);
    expect(formValues(fd).file).toBeInstanceOf(File);
  });
});
