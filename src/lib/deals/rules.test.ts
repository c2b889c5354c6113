import { describe, expect, it } from "vitest";

import { canReopen, daysSince, dueState, isStale, positionBetween, probabilityOnStageChange, weightedValue } from "./rules";

const DAY = 86_400_000;

describe("probabilityOnStageChange", () => {
  it("takes the stage's probability for open stages", () => {
    expect(probabilityOnStageChange({ kind: "open", probability: 30 })).toBe(30);
  });
  it("keeps an explicit override given with the change", () => {
    expect(probabilityOnStageChange({ kind: "open", probability: 30 }, 45)).toBe(45);
    expect(probabilityOnStageChange({ kind: "open", probability: 30 }, 0)).toBe(0);
  });
  it("forces 100 for won and 0 for lost, whatever the override", () => {
    expect(probabilityOnStageChange({ kind: "won", probability: 90 }, 20)).toBe(100);
    expect(probabilityOnStageChange({ kind: "lost", probability: 5 }, 80)).toBe(0);
  });
  it("falls back to the stage when the override is null", () => {
    expect(probabilityOnStageChange({ kind: "open", probability: 70 }, null)).toBe(70);
  });
});

describe("weightedValue", () => {
  it("is value × probability in minor units, rounded down like the generated column", () => {
    expect(weightedValue(1_250_050, 30)).toBe(375_015);
    expect(weightedValue(999, 33)).toBe(329); // 329.67 → 329
    expect(weightedValue(0, 70)).toBe(0);
    expect(weightedValue(500_000, 100)).toBe(500_000);
  });
});

describe("isStale", () => {
  const now = new Date("2026-11-21T12:00:00Z");
  const created = new Date(now.getTime() - 30 * DAY);

  it("is stale when the last completed action is older than the stage's threshold", () => {
    expect(isStale({ lastActivityAt: new Date(now.getTime() - 11 * DAY), createdAt: created }, 10, now)).toBe(true);
  });
  it("is not stale exactly at the threshold or within it", () => {
    expect(isStale({ lastActivityAt: new Date(now.getTime() - 10 * DAY), createdAt: created }, 10, now)).toBe(false);
    expect(isStale({ lastActivityAt: new Date(now.getTime() - 2 * DAY), createdAt: created }, 10, now)).toBe(false);
  });
  it("counts from creation when nothing was completed yet", () => {
    expect(isStale({ lastActivityAt: null, createdAt: new Date(now.getTime() - 3 * DAY) }, 10, now)).toBe(false);
    expect(isStale({ lastActivityAt: null, createdAt: created }, 10, now)).toBe(true);
  });
  it("never calls a closed deal stale", () => {
    expect(isStale({ lastActivityAt: null, createdAt: created, status: "won" }, 10, now)).toBe(false);
    expect(isStale({ lastActivityAt: null, createdAt: created, status: "lost" }, 10, now)).toBe(false);
  });
  it("uses each stage's own threshold", () => {
    const deal = { lastActivityAt: new Date(now.getTime() - 5 * DAY), createdAt: created };
    expect(isStale(deal, 3, now)).toBe(true);
    expect(isStale(deal, 7, now)).toBe(false);
  });
});

describe("dueState (staleness is a separate signal)", () => {
  const now = new Date("2026-11-21T10:00:00Z");
  const dayEnd = new Date("2026-11-21T23:00:00Z"); // midnight in Copenhagen (UTC+1)
  it("is overdue before now, today before the end of the org's day, upcoming after", () => {
    expect(dueState(new Date("2026-11-21T09:59:00Z"), now, dayEnd)).toBe("overdue");
    expect(dueState(now, now, dayEnd)).toBe("today");
    expect(dueState(new Date("2026-11-21T22:59:00Z"), now, dayEnd)).toBe("today");
    expect(dueState(dayEnd, now, dayEnd)).toBe("upcoming");
  });
});

describe("positionBetween", () => {
  it("places a card strictly between its neighbours", () => {
    const p = positionBetween(1024, 2048);
    expect(p).toBeGreaterThan(1024);
    expect(p).toBeLessThan(2048);
  });
  it("goes above the first card and below the last", () => {
    expect(positionBetween(null, 0)).toBeLessThan(0);
    expect(positionBetween(4096, null)).toBeGreaterThan(4096);
    expect(positionBetween(undefined, undefined)).toBe(1024);
  });
  it("still separates neighbours after many halvings", () => {
    let before = 0;
    const after = 1;
    for (let i = 0; i < 40; i++) before = positionBetween(before, after);
    expect(before).toBeLessThan(after);
  });
});

describe("canReopen and daysSince", () => {
  it("lets managers and admins reopen, not reps", () => {
    expect(canReopen("admin")).toBe(true);
    expect(canReopen("manager")).toBe(true);
    expect(canReopen("rep")).toBe(false);
  });
  it("counts whole days", () => {
    const now = new Date("2026-11-21T12:00:00Z");
    expect(daysSince(new Date(now.getTime() - 2.9 * DAY), now)).toBe(2);
  });
});
