import { describe, expect, it } from "vitest";

import { applyChange, columnOf, dropInto, itemsOf, moveAcross, neighboursOf, totalView } from "./board-state";
import type { CardView, ColumnView } from "./board-types";

const LOCALE = "da-DK";

function card(id: string, valueMinor: number, weightedMinor: number, currency = "DKK"): CardView {
  return {
    id,
    title: `Deal ${id}`,
    contactName: "Someone",
    valueMinor,
    weightedMinor,
    currency,
    valueLabel: "",
    ownerName: "Rita Rep",
    actionType: null,
    due: null,
    dueLabel: "",
    dueTitle: "",
    staleDays: null,
  };
}

function column(id: string, probability: number, cards: CardView[]): ColumnView {
  const byCurrency = new Map<string, [number, number]>();
  for (const c of cards) {
    const [t, w] = byCurrency.get(c.currency) ?? [0, 0];
    byCurrency.set(c.currency, [t + c.valueMinor, w + c.weightedMinor]);
  }
  return {
    id,
    name: id,
    probability,
    staleAfterDays: 10,
    count: cards.length,
    totals: [...byCurrency].map(([cur, [t, w]]) => totalView(cur, t, w, LOCALE)),
    cards,
    hidden: 0,
    nextHiddenId: null,
    moreHref: "",
  };
}

const board = () => [
  column("lead", 10, [card("a", 100_000, 10_000), card("b", 50_000, 27_500), card("eur", 20_000, 2_000, "EUR")]),
  column("qualified", 30, [card("c", 40_000, 12_000)]),
  column("proposal", 50, []),
];

describe("drag bookkeeping", () => {
  it("finds the column of a card or a column id", () => {
    const items = itemsOf(board());
    expect(items).toEqual({ lead: ["a", "b", "eur"], qualified: ["c"], proposal: [] });
    expect(columnOf(items, "c")).toBe("qualified");
    expect(columnOf(items, "proposal")).toBe("proposal");
    expect(columnOf(items, "nope")).toBeUndefined();
  });

  it("moves a card across columns: before the card it is over, after it when below, last over empty space", () => {
    const items = itemsOf(board());
    expect(moveAcross(items, "a", "c", false)).toMatchObject({ lead: ["b", "eur"], qualified: ["a", "c"] });
    expect(moveAcross(items, "a", "c", true)).toMatchObject({ qualified: ["c", "a"] });
    expect(moveAcross(items, "a", "proposal", false)).toMatchObject({ lead: ["b", "eur"], proposal: ["a"] });
    expect(moveAcross(items, "a", "b", true)).toBe(items); // same column: the sortable list handles it
  });

  it("computes the final order on drop, within a column or over a column's empty space", () => {
    const items = itemsOf(board());
    expect(dropInto(items, "a", "eur")).toEqual({ columnId: "lead", ids: ["b", "eur", "a"] });
    expect(dropInto(items, "eur", "a")).toEqual({ columnId: "lead", ids: ["eur", "a", "b"] });
    expect(dropInto(items, "a", "lead")).toEqual({ columnId: "lead", ids: ["b", "eur", "a"] });
    expect(dropInto(items, "a", "a")).toEqual({ columnId: "lead", ids: ["a", "b", "eur"] });
    expect(dropInto(items, "a", "c")).toBeNull(); // not moved across first
  });

  it("names the neighbours, with the first hidden deal below the last visible card", () => {
    expect(neighboursOf(["x", "a", "y"], "a", null)).toEqual({ beforeId: "x", afterId: "y" });
    expect(neighboursOf(["a", "y"], "a", "h")).toEqual({ beforeId: null, afterId: "y" });
    expect(neighboursOf(["x", "a"], "a", "h")).toEqual({ beforeId: "x", afterId: "h" });
    expect(neighboursOf(["a"], "a", null)).toEqual({ beforeId: null, afterId: null });
  });
});

describe("optimistic changes", () => {
  it("moves a card to another column: counts follow, the weight is recomputed with the new stage's probability", () => {
    const next = applyChange(board(), { type: "move", dealId: "a", toColumnId: "proposal", index: 0 }, LOCALE);
    const [lead, , proposal] = next;
    expect(lead!.count).toBe(2);
    expect(lead!.totals.map((t) => [t.currency, t.totalMinor, t.weightedMinor])).toEqual([
      ["DKK", 50_000, 27_500],
      ["EUR", 20_000, 2_000],
    ]);
    expect(proposal!.cards.map((c) => [c.id, c.weightedMinor])).toEqual([["a", 50_000]]);
    expect(proposal!.totals).toEqual([totalView("DKK", 100_000, 50_000, LOCALE)]);
    expect(proposal!.totals[0]!.totalLabel).toBe(
      new Intl.NumberFormat("da-DK", { style: "currency", currency: "DKK", maximumFractionDigits: 0 }).format(1000),
    );
  });

  it("adds a second currency to a column and empties a column's totals when its last card leaves", () => {
    const moved = applyChange(board(), { type: "move", dealId: "eur", toColumnId: "qualified", index: 1 }, LOCALE);
    expect(moved[1]!.totals.map((t) => [t.currency, t.totalMinor, t.weightedMinor])).toEqual([
      ["DKK", 40_000, 12_000],
      ["EUR", 20_000, 6_000],
    ]);
    const emptied = applyChange(board(), { type: "move", dealId: "c", toColumnId: "lead", index: 3 }, LOCALE);
    expect(emptied[1]).toMatchObject({ count: 0, cards: [], totals: [] });
    expect(emptied[0]!.cards.map((c) => c.id)).toEqual(["a", "b", "eur", "c"]);
  });

  it("reorders within a column without touching the totals", () => {
    const before = board();
    const next = applyChange(before, { type: "move", dealId: "a", toColumnId: "lead", index: 2 }, LOCALE);
    expect(next[0]!.cards.map((c) => c.id)).toEqual(["b", "eur", "a"]);
    expect(next[0]!.totals).toBe(before[0]!.totals);
    expect(next[0]!.count).toBe(3);
  });

  it("removes a closed card with its own weight (its probability may differ from the stage's)", () => {
    const next = applyChange(board(), { type: "remove", dealId: "b" }, LOCALE);
    expect(next[0]!.count).toBe(2);
    expect(next[0]!.totals.find((t) => t.currency === "DKK")).toMatchObject({ totalMinor: 100_000, weightedMinor: 10_000 });
    expect(next.flatMap((c) => c.cards).map((c) => c.id)).not.toContain("b");
  });

  it("ignores a card that is no longer on the board", () => {
    const before = board();
    expect(applyChange(before, { type: "remove", dealId: "zzz" }, LOCALE)).toBe(before);
    expect(applyChange(before, { type: "move", dealId: "a", toColumnId: "gone", index: 0 }, LOCALE)).toBe(before);
  });
});
