import { describe, expect, it } from "vitest";

import * as importActions from "@/actions/imports";
import { getDb } from "@/db/client";
import { createOrgWithTeam } from "@/db/seed/factories";
import type { ImportMapping } from "@/lib/import/fields";
import { asUser } from "@tests/integration/support/fixtures";
import { dealsByContact, okData, optionsWith, startAndRun, uploadAs, withJobQueue } from "@tests/integration/support/import-fixtures";

withJobQueue({ work: false });

const MAPPING: ImportMapping = ["contact", "value", "expectedCloseDate"];
const pad = (n: number) => String(n).padStart(2, "0");

/** 400 rows of dd-mm-yy close dates in 2027: most fit both orders, a few prove day-first. */
function dayFirstExport() {
  const lines = ["Client,Value,Close date"];
  const expected = new Map<string, string>();
  for (let i = 0; i < 400; i++) {
    const day = (i % 28) + 1;
    const month = (Math.floor(i / 28) % 12) + 1;
    lines.push(`Client ${i},${1000 + i},${pad(day)}-${pad(month)}-27`);
    expected.set(`Client ${i}`, `2027-${pad(month)}-${pad(day)}`);
  }
  return { csv: lines.join("\n"), expected };
}

async function usTeam() {
  return createOrgWithTeam(getDb(), { currency: "USD", locale: "en-US", timeZone: "America/New_York" });
}

const check = (team: Awaited<ReturnType<typeof usTeam>>, importId: string, dateOrder: "day-first" | "month-first" | null = null) =>
  asUser(team.admin.id, () =>
    importActions.validateImportAction(team.org.slug, { importId, ...optionsWith({ mapping: MAPPING, dateOrder }) }),
  );

describe("one date order per column", () => {
  it("reads a several-hundred-row two-digit day-first column day-first on every row in an en-US org", async () => {
    const team = await usTeam();
    const { csv, expected } = dayFirstExport();
    const importId = await uploadAs(team.admin.id, team.org.slug, csv, "day-first.csv");
    expect(okData(await check(team, importId))).toMatchObject({ validRows: 400, invalidRows: 0 });
    expect(await startAndRun(team.admin.id, team.org.slug, importId, { mapping: MAPPING })).toMatchObject({
      status: "completed",
      createdCount: 400,
    });
    const deals = await dealsByContact(team.org.id);
    const read = new Map([...deals].map(([contact, d]) => [contact, d.expectedCloseDate]));
    expect(read).toEqual(expected);
    // The ambiguous first row is the 1st of March, not the 3rd of January.
    expect(read.get("Client 56")).toBe("2027-03-01");
  });

  it("flags a column that contradicts itself, and reads it with the order the user chooses", async () => {
    const team = await usTeam();
    const csv = ["Client,Value,Close date", "Acme,1000,20-10-27", "Globex,2000,10-20-27", "Initech,3000,01-03-27"].join("\n");
    const importId = await uploadAs(team.admin.id, team.org.slug, csv, "mixed.csv");
    // No proven order: the locale's (month-first) is used, and the day-first row is refused with its column.
    const mixed = okData(await check(team, importId));
    expect(mixed).toMatchObject({ validRows: 2, invalidRows: 1 });
    expect(mixed.issues[0]).toMatchObject({ line: 2, column: "Close date", value: "20-10-27" });
    const chosen = okData(await check(team, importId, "day-first"));
    expect(chosen).toMatchObject({ validRows: 2, invalidRows: 1 });
    expect(chosen.issues[0]).toMatchObject({ line: 3, value: "10-20-27", message: "Not a day-first date like the rest of the column" });
    expect(await startAndRun(team.admin.id, team.org.slug, importId, { mapping: MAPPING, dateOrder: "day-first" }, true)).toMatchObject({
      status: "completed",
      createdCount: 2,
    });
    const deals = await dealsByContact(team.org.id);
    expect(deals.get("Initech")?.expectedCloseDate).toBe("2027-03-01");
    expect(deals.get("Acme")?.expectedCloseDate).toBe("2027-10-20");
  });
});

describe("dates that give a deal its history", () => {
  it("maps created, won and lost date columns onto the deal, each column with its own order", async () => {
    const team = await usTeam();
    const csv = [
      "Client,Value,Status,Deal created,Won time,Lost time",
      "Initech,3000,won,25/01/2024,03/02/2024,",
      "Globex,2000,lost,02/03/2024,,14/03/2024",
      "Acme,1000,open,13/01/2024,,",
      "Hooli,500,won,01/02/2024,20/02/2024,",
    ].join("\n");
    const importId = await uploadAs(team.admin.id, team.org.slug, csv, "pipedrive-history.csv");
    const mapping: ImportMapping = ["contact", "value", "status", "createdDate", "wonDate", "lostDate"];
    expect(
      okData(
        await asUser(team.admin.id, () => importActions.validateImportAction(team.org.slug, { importId, ...optionsWith({ mapping }) })),
      ),
    ).toMatchObject({
      validRows: 4,
      invalidRows: 0,
    });
    expect(await startAndRun(team.admin.id, team.org.slug, importId, { mapping })).toMatchObject({ status: "completed", createdCount: 4 });
    const deals = await dealsByContact(team.org.id);
    const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10);
    // Day-first in an en-US org: each column proves it (25/01, 20/02, 14/03), so 03/02 is the 3rd of February.
    expect([day(deals.get("Initech")?.createdAt), day(deals.get("Initech")?.closedAt)]).toEqual(["2024-01-25", "2024-02-03"]);
    expect([day(deals.get("Globex")?.createdAt), day(deals.get("Globex")?.closedAt)]).toEqual(["2024-03-02", "2024-03-14"]);
    expect([day(deals.get("Acme")?.createdAt), deals.get("Acme")?.closedAt]).toEqual(["2024-01-13", null]);
  });
});
