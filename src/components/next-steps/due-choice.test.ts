import { describe, expect, it } from "vitest";

import { dueShortcut, isTextEntry, resolveDue, toCustom } from "./due-choice";

// 2026-11-24 is a Tuesday; 10:15 in Copenhagen (UTC+1 in winter).
const now = new Date("2026-11-24T09:15:00Z");

describe("resolveDue", () => {
  it("resolves presets in the org's zone", () => {
    expect(resolveDue({ kind: "preset", preset: "tomorrow-9" }, now, "Europe/Copenhagen")?.toISOString()).toBe("2026-11-25T08:00:00.000Z");
    expect(resolveDue({ kind: "preset", preset: "tomorrow-9" }, now, "Asia/Kolkata")?.toISOString()).toBe("2026-11-25T03:30:00.000Z");
  });

  it("reads a custom wall time in the org's zone, not the browser's", () => {
    expect(resolveDue({ kind: "custom", local: "2026-12-01T14:30" }, now, "Asia/Kolkata")?.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(resolveDue({ kind: "custom", local: "2026-12-01T14:30" }, now, "Europe/Copenhagen")?.toISOString()).toBe(
      "2026-12-01T13:30:00.000Z",
    );
  });

  it("gives null for an empty or malformed custom value", () => {
    expect(resolveDue({ kind: "custom", local: "" }, now, "UTC")).toBeNull();
    expect(resolveDue({ kind: "custom", local: "2026-13-01T10:00" }, now, "UTC")).toBeNull();
  });
});

describe("toCustom", () => {
  it("starts the custom input from the preset's time, as wall time in the zone", () => {
    expect(toCustom({ kind: "preset", preset: "next-week" }, now, "Europe/Copenhagen")).toEqual({
      kind: "custom",
      local: "2026-11-30T09:00",
    });
  });

  it("keeps an existing custom value", () => {
    expect(toCustom({ kind: "custom", local: "2026-12-01T10:00" }, now, "UTC")).toEqual({ kind: "custom", local: "2026-12-01T10:00" });
  });
});

describe("dueShortcut", () => {
  it("maps 1–4 to the presets in button order and 5 to custom", () => {
    expect(["1", "2", "3", "4", "5"].map(dueShortcut)).toEqual(["later-today", "tomorrow-9", "in-3-days", "next-week", "custom"]);
  });

  it("ignores every other key", () => {
    expect(["0", "6", "a", "Enter", " ", "1.5"].map(dueShortcut)).toEqual([null, null, null, null, null, null]);
  });
});

describe("isTextEntry", () => {
  const el = (tagName: string, type?: string) => ({ tagName, type, isContentEditable: false }) as unknown as EventTarget;

  it("treats text inputs, textareas and selects as typing targets", () => {
    expect(isTextEntry(el("TEXTAREA"))).toBe(true);
    expect(isTextEntry(el("INPUT", "text"))).toBe(true);
    expect(isTextEntry(el("INPUT", "datetime-local"))).toBe(true);
    expect(isTextEntry(el("SELECT"))).toBe(true);
  });

  it("lets shortcuts through on buttons and radios", () => {
    expect(isTextEntry(el("BUTTON"))).toBe(false);
    expect(isTextEntry(el("INPUT", "radio"))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
