import { describe, expect, it } from "vitest";

import type { Board, BoardCard } from "@/server/data/board";

import { toBoardView, toCardView } from "./board-view-model";
import { dealHref, initials, staleText } from "./card-text";

const ORG = { slug: "acme", locale: "da-DK", timeZone: "Europe/Copenhagen" };
const NOW = new Date("2026-11-20T10:00:00Z"); // 11:00 in Copenhagen

function card(overrides: Partial<BoardCard> = {}): BoardCard {
  return {
    id: "d1",
    title: "Office cleaning",
    contactName: "Nordic Offices ApS",
    valueMinor: 1_250_050,
    currency: "DKK",
    probability: 30,
    ownerId: "u1",
    ownerName: "Rita Rep",
    position: 0,
    action: { type: "call", dueAt: new Date("2026-11-20T13:30:00Z"), details: "Call about the scope" },
    due: "today",
    activitySince: new Date("2026-11-01T10:00:00Z"),
    idleDays: 19,
    stale: true,
    ...overrides,
  };
}

describe("toCardView", () => {
  it("formats money and the due time in the org's locale and zone, the words in English", () => {
    const view = toCardView(card(), NOW, ORG);
    expect(view.valueLabel).toBe(
      new Intl.NumberFormat("da-DK", { style: "currency", currency: "DKK", maximumFractionDigits: 0 }).format(12_500.5),
    );
    expect(view.weightedMinor).toBe(375_015);
    expect(view.dueLabel).toBe("Today 14.30");
    expect(view.dueTitle).toMatch(/^Call due .*14\.30: Call about the scope$/);
    expect(view).toMatchObject({ staleDays: 19, actionType: "call", ownerName: "Rita Rep" });
    expect(toCardView(card({ stale: false }), NOW, ORG).staleDays).toBeNull();
  });

  it("says how late an overdue step is and how far an upcoming one is", () => {
    const overdue = toCardView(
      card({ due: "overdue", action: { type: "email", dueAt: new Date("2026-11-18T10:00:00Z"), details: "x" } }),
      NOW,
      ORG,
    );
    expect(overdue.dueLabel).toBe("Overdue · 2 days ago");
    const upcoming = toCardView(
      card({ due: "upcoming", action: { type: "task", dueAt: new Date("2026-11-25T10:00:00Z"), details: "x" } }),
      NOW,
      ORG,
    );
    expect(upcoming.dueLabel).toBe("in 5 days");
    const none = toCardView(card({ due: null, action: null }), NOW, ORG);
    expect(none).toMatchObject({ dueLabel: "No next step", actionType: null });
  });
});

describe("toBoardView", () => {
  it("links '+ N more' to the deals list filtered by stage, and by owner when the board is", () => {
    const board: Board = {
      columns: [
        {
          id: "s1",
          name: "Lead",
          probability: 10,
          staleAfterDays: 10,
          count: 3,
          totals: [{ currency: "DKK", totalMinor: 300, weightedMinor: 30 }],
          cards: [card()],
          hidden: 2,
          nextHiddenId: "d2",
        },
      ],
      won: { id: "w", name: "Won" },
      lost: { id: "l", name: "Lost" },
      ownerId: null,
      now: NOW,
    };
    const [column] = toBoardView(board, ORG, { showOwner: true }).columns;
    expect(column).toMatchObject({ moreHref: "/acme/deals?stage=s1", hidden: 2, nextHiddenId: "d2", count: 3 });
    expect(column!.totals[0]).toMatchObject({ currency: "DKK", totalMinor: 300, weightedMinor: 30 });
    expect(column!.cards[0]!.ownerName).toBe("Rita Rep");
    const filtered = toBoardView({ ...board, ownerId: "u9" }, ORG, { showOwner: false }).columns[0]!;
    expect(filtered.moreHref).toBe("/acme/deals?stage=s1&owner=u9");
    // One person's board: the cards leave out the name that would be the same on each.
    expect(filtered.cards[0]).not.toHaveProperty("ownerName");
  });
});

describe("card text", () => {
  it("builds the stale wording and the deal link", () => {
    expect(staleText(19, 10)).toEqual({
      label: "Stale · 19 d",
      title: "No completed action for 19 days; this stage flags deals after 10.",
    });
    expect(dealHref("acme", "d1")).toBe("/acme/deals/d1");
  });

  it("takes the first and last names' initials", () => {
    expect(initials("Rita Rep")).toBe("RR");
    expect(initials("  Anne Marie Østergaard ")).toBe("AØ");
    expect(initials("Cher")).toBe("C");
    expect(initials("")).toBe("?");
  });
});
