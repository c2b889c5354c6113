import { describe, expect, it } from "vitest";

import type { CompletionResult } from "@/lib/next-steps/results";

import { applyQueueChange, completionChange, snoozeChange } from "./queue-changes";
import type { QueueRowView, QueueSectionView } from "./types";

// Tuesday 2026-11-24 10:00 UTC = 11:00 in Copenhagen; today ends 23:00 UTC, the 7-day window 2026-12-01T23:00Z.
const NOW = new Date("2026-11-24T10:00:00Z");
const org = { slug: "rendetalje", locale: "en-GB", timeZone: "Europe/Copenhagen", currency: "DKK" };
const everyone = { ownerId: null, limit: 3 };

const row = (id: string, dueAt: string, ownerId = "u1"): QueueRowView => ({
  action: {
    id,
    type: "call",
    details: `Call ${id}`,
    dueAt,
    ownerId,
    ownerName: ownerId === "u1" ? "Sofie" : "Emil",
    deal: { id: `deal-${id}`, title: `Deal ${id}`, contactName: "Nordic Offices ApS" },
  },
  value: "12,500 kr.",
  stage: "Proposal · 50 %",
  due: "server text",
  distance: "server text",
});

const section = (bucket: QueueSectionView["bucket"], rows: QueueRowView[], count = rows.length): QueueSectionView => ({
  bucket,
  rows,
  count,
  moreHref: `/rendetalje/deals?b=${bucket}`,
});

const queue = () => [
  section("overdue", [row("o1", "2026-11-23T08:00:00Z"), row("o2", "2026-11-24T09:00:00Z")]),
  section("today", [row("t1", "2026-11-24T13:00:00Z")]),
  section("upcoming", [row("u1", "2026-11-26T08:00:00Z"), row("u2", "2026-11-28T08:00:00Z")], 7),
];

const planned = (actionId: string, dueAt: string, ownerId = "u1"): CompletionResult => ({
  actionId,
  dealId: `deal-${actionId}`,
  status: "open",
  nextActionId: `next-${actionId}`,
  next: {
    id: `next-${actionId}`,
    type: "email",
    details: "Send the quote",
    dueAt,
    ownerId,
    ownerName: ownerId === "u1" ? "Sofie" : "Emil",
  },
});

const ids = (sections: QueueSectionView[]) => Object.fromEntries(sections.map((s) => [s.bucket, s.rows.map((r) => r.action.id)]));
const counts = (sections: QueueSectionView[]) => Object.fromEntries(sections.map((s) => [s.bucket, s.count]));

describe("applyQueueChange", () => {
  it("moves a completed overdue action's next step into today, formatted for that bucket, on the same deal", () => {
    const before = queue();
    const after = applyQueueChange(
      before,
      completionChange(before[0]!.rows[0]!, planned("o1", "2026-11-24T12:00:00Z"), NOW),
      org,
      everyone,
    );
    expect(ids(after)).toEqual({ overdue: ["o2"], today: ["next-o1", "t1"], upcoming: ["u1", "u2"] });
    expect(counts(after)).toEqual({ overdue: 1, today: 2, upcoming: 7 });
    expect(after[1]!.rows[0]).toEqual({
      action: {
        id: "next-o1",
        type: "email",
        details: "Send the quote",
        dueAt: "2026-11-24T12:00:00Z",
        ownerId: "u1",
        ownerName: "Sofie",
        deal: { id: "deal-o1", title: "Deal o1", contactName: "Nordic Offices ApS" },
      },
      value: "12,500 kr.",
      stage: "Proposal · 50 %",
      due: "13:00", // today's rows show the time alone, in Copenhagen
      distance: "in 2 hr.",
    });
    expect(before).toEqual(queue()); // pure
    expect(after[2]).toBe(before[2]); // untouched buckets keep their identity
  });

  it("drops a won or lost deal's row and places nothing", () => {
    const before = queue();
    const won: CompletionResult = { actionId: "t1", dealId: "deal-t1", status: "won", nextActionId: null, next: null };
    const after = applyQueueChange(before, completionChange(before[1]!.rows[0]!, won, NOW), org, everyone);
    expect(ids(after)).toEqual({ overdue: ["o1", "o2"], today: [], upcoming: ["u1", "u2"] });
    expect(counts(after)).toEqual({ overdue: 2, today: 0, upcoming: 7 });
  });

  it("places a step beyond the 7-day window nowhere, and one for someone outside the rep filter nowhere", () => {
    const before = queue();
    const far = applyQueueChange(before, completionChange(before[0]!.rows[0]!, planned("o1", "2026-12-02T08:00:00Z"), NOW), org, everyone);
    expect(ids(far)).toEqual({ overdue: ["o2"], today: ["t1"], upcoming: ["u1", "u2"] });
    expect(counts(far)).toEqual({ overdue: 1, today: 1, upcoming: 7 });

    const filtered = applyQueueChange(
      before,
      completionChange(before[0]!.rows[0]!, planned("o1", "2026-11-24T12:00:00Z", "u2"), NOW),
      org,
      {
        ownerId: "u1",
        limit: 3,
      },
    );
    expect(ids(filtered)).toEqual({ overdue: ["o2"], today: ["t1"], upcoming: ["u1", "u2"] });
    const everyonesQueue = applyQueueChange(
      before,
      completionChange(before[0]!.rows[0]!, planned("o1", "2026-11-24T12:00:00Z", "u2"), NOW),
      org,
      everyone,
    );
    expect(ids(everyonesQueue).today).toEqual(["next-o1", "t1"]);
  });

  it("keeps a capped bucket capped with an exact count: a row among the hidden ones only raises the count", () => {
    const before = queue(); // upcoming shows 2 of 7
    const hidden = applyQueueChange(
      before,
      completionChange(before[0]!.rows[0]!, planned("o1", "2026-11-30T08:00:00Z"), NOW),
      org,
      everyone,
    );
    expect(ids(hidden).upcoming).toEqual(["u1", "u2"]);
    expect(counts(hidden).upcoming).toBe(8);

    const first = applyQueueChange(
      before,
      completionChange(before[0]!.rows[0]!, planned("o1", "2026-11-25T08:00:00Z"), NOW),
      org,
      everyone,
    );
    expect(ids(first).upcoming).toEqual(["next-o1", "u1", "u2"]);
    expect(counts(first).upcoming).toBe(8);

    // A full bucket (limit 3) pushes its last row out of sight.
    const full = [
      section("overdue", []),
      section("today", []),
      section("upcoming", [row("a", "2026-11-26T08:00:00Z"), row("b", "2026-11-27T08:00:00Z"), row("c", "2026-11-28T08:00:00Z")]),
    ];
    const source = row("x", "2026-11-24T09:00:00Z");
    const pushed = applyQueueChange(full, completionChange(source, planned("x", "2026-11-25T08:00:00Z"), NOW), org, everyone);
    expect(ids(pushed).upcoming).toEqual(["next-x", "a", "b"]);
    expect(counts(pushed).upcoming).toBe(4);
  });

  it("moves a snoozed action to its new time and bucket, keeping it the same action", () => {
    const before = queue();
    const snoozed = applyQueueChange(
      before,
      snoozeChange(before[1]!.rows[0]!, { actionId: "t1", dealId: "deal-t1", dueAt: "2026-11-25T13:30:00.000Z" }, NOW),
      org,
      everyone,
    );
    expect(ids(snoozed)).toEqual({ overdue: ["o1", "o2"], today: [], upcoming: ["t1", "u1", "u2"] });
    expect(counts(snoozed)).toEqual({ overdue: 2, today: 0, upcoming: 8 });
    expect(snoozed[2]!.rows[0]).toMatchObject({
      action: { id: "t1", details: "Call t1", dueAt: "2026-11-25T13:30:00.000Z" },
      distance: "tomorrow",
    });
    expect(snoozed[2]!.rows[0]!.due).toMatch(/25 Nov 2026.*14:30/);
  });

  it("is idempotent over server data that already has the change", () => {
    const before = queue();
    const change = completionChange(before[0]!.rows[0]!, planned("o1", "2026-11-24T12:00:00Z"), NOW);
    const once = applyQueueChange(before, change, org, everyone);
    expect(applyQueueChange(once, change, org, everyone)).toEqual(once);
  });
});
