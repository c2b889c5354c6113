import { describe, expect, it } from "vitest";

import type { TodayQueue, TodayRow } from "@/server/data/today-queue";

import { buildQueueSections, sharedOwner, withRowOwner } from "./build-view";

const now = new Date("2026-11-24T10:00:00Z");
const row = (dueAt: string, extra: Partial<TodayRow> = {}): TodayRow => ({
  actionId: "a1",
  type: "call",
  details: "Call about the scope",
  dueAt: new Date(dueAt),
  ownerId: "u1",
  ownerName: "Sofie",
  dealId: "d1",
  dealTitle: "Office cleaning",
  contactName: "Nordic Offices ApS",
  valueMinor: 1_250_050,
  currency: "DKK",
  stageName: "Proposal",
  probability: 50,
  ...extra,
});

describe("buildQueueSections", () => {
  it("formats amounts, times and lateness in the org's locale and zone", () => {
    const queue: TodayQueue = {
      now,
      todayEnd: new Date("2026-11-24T23:00:00Z"),
      upcomingEnd: new Date("2026-12-01T23:00:00Z"),
      ownerId: "u1",
      rows: { overdue: [row("2026-11-23T07:00:00Z")], today: [row("2026-11-24T13:00:00Z")], upcoming: [] },
      counts: { overdue: 240, today: 1, upcoming: 0 },
      limit: 100,
    };
    const org = { slug: "rendetalje", locale: "da-DK", timeZone: "Europe/Copenhagen", currency: "DKK" };
    const [overdue, today, upcoming] = buildQueueSections(queue, org, (b) => `/rendetalje/deals?due=${b}`);
    expect(overdue).toMatchObject({ bucket: "overdue", count: 240, moreHref: "/rendetalje/deals?due=overdue" });
    expect(overdue!.rows[0]).toMatchObject({ distance: "yesterday", stage: "Proposal · 50 %" });
    expect(overdue!.rows[0]!.value.replace(/\s/g, " ")).toBe("12.501 kr.");
    expect(overdue!.rows[0]!.due).toMatch(/23\. nov\. 2026.*08[.:]00/);
    expect(today!.rows[0]).toMatchObject({ due: "14.00", distance: "in 3 hr." });
    expect(today!.rows[0]!.action).toEqual({
      id: "a1",
      type: "call",
      details: "Call about the scope",
      dueAt: "2026-11-24T13:00:00.000Z",
      ownerId: "u1",
      ownerName: "Sofie",
      deal: { id: "d1", title: "Office cleaning", contactName: "Nordic Offices ApS" },
    });
    expect(upcoming!.rows).toEqual([]);
  });
});

describe("sharedOwner / withRowOwner", () => {
  const org = { slug: "rendetalje", locale: "da-DK", timeZone: "Europe/Copenhagen", currency: "DKK" };
  const queueOf = (rows: TodayRow[]): TodayQueue => ({
    now,
    todayEnd: new Date("2026-11-24T23:00:00Z"),
    upcomingEnd: new Date("2026-12-01T23:00:00Z"),
    ownerId: null,
    rows: { overdue: rows, today: [], upcoming: [] },
    counts: { overdue: rows.length, today: 0, upcoming: 0 },
    limit: 25,
  });

  it("sends one person's owner once and puts it back on every row in the browser", () => {
    const sections = buildQueueSections(
      queueOf([row("2026-11-23T07:00:00Z"), row("2026-11-23T08:00:00Z", { actionId: "a2" })]),
      org,
      () => "",
    );
    const sent = sharedOwner(sections);
    expect(sent.owner).toEqual({ id: "u1", name: "Sofie" });
    expect(sent.sections[0]!.rows[0]!.action).not.toHaveProperty("ownerId");
    expect(sent.sections[0]!.rows[1]!.action).not.toHaveProperty("ownerName");
    expect(withRowOwner(sent.sections, sent.owner)).toEqual(sections);
  });

  it("keeps the owner on each row when the rows have different owners", () => {
    const sections = buildQueueSections(
      queueOf([row("2026-11-23T07:00:00Z"), row("2026-11-23T08:00:00Z", { actionId: "a2", ownerId: "u2", ownerName: "Emil" })]),
      org,
      () => "",
    );
    const sent = sharedOwner(sections);
    expect(sent.owner).toBeNull();
    expect(withRowOwner(sent.sections, sent.owner)).toEqual(sections);
  });
});
