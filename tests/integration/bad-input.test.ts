import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { createDealAction, updateDealAction } from "@/actions/deals";
import { uploadImportAction } from "@/actions/imports";
import { inviteMemberAction } from "@/actions/members";
import { completeNextStepAction, snoozeNextStepAction } from "@/actions/next-steps";
import { updateOrgSettingsAction } from "@/actions/organization";
import { addStageAction } from "@/actions/pipeline";
import { getDb } from "@/db/client";
import { imports } from "@/db/schema";
import { createOrgWithTeam } from "@/db/seed/factories";
import type { CreateDealInput } from "@/lib/schemas/deals";
import type { OrgSettingsInput } from "@/lib/schemas/organization";
import { listStages } from "@/server/data/stages";
import { asUser, ctxFor } from "@tests/integration/support/fixtures";

/**
 * The worst inputs of the fuzzing probe, sent through the real server actions: each must come back
 * as a field error on the field that carried it (validated before the database), never INTERNAL.
 */
type Team = Awaited<ReturnType<typeof createOrgWithTeam>>;
let team: Team;
let stageId: string;
let dealId: string;
let actionId: string;

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();
const YEAR_275760 = "+275760-09-13T00:00:00.000Z";

const dealInput = (patch: Partial<CreateDealInput> = {}): CreateDealInput => ({
  title: "Window cleaning",
  contactName: "Nordic Offices ApS",
  value: "12 500,50",
  stageId,
  expectedCloseDate: "2027-01-31",
  firstAction: { type: "call", details: "Call about the scope", dueAt: inADay() },
  ...patch,
});

function expectFieldError(result: { ok: boolean; code?: string; fieldErrors?: Record<string, string[]> }, field: string) {
  expect(result).toMatchObject({ ok: false, code: "VALIDATION" });
  expect(Object.keys(result.fieldErrors ?? {})).toContain(field);
}

const upload = (bytes: number[] | Uint8Array, name = "deals.csv") => {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], name));
  return asUser(team.admin.id, () => uploadImportAction(team.org.slug, form));
};

const utf16le = (s: string) => [...s].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]);

beforeAll(async () => {
  team = await createOrgWithTeam(getDb());
  const stages = await listStages(await ctxFor(team.admin.id, team.org.slug));
  stageId = stages.find((s) => s.kind === "open")!.id;
  const created = await asUser(team.rep.id, () => createDealAction(team.org.slug, dealInput()));
  if (!created.ok) throw new Error(created.message);
  ({ dealId, actionId } = created.data);
});

describe("bad input gets a field error", () => {
  it.each<[string, Partial<CreateDealInput>, string]>([
    ["NUL in the title", { title: "Acme\u0000" }, "title"],
    ["a lone surrogate in the contact", { contactName: "Ann \uD800" }, "contactName"],
    ["1e20 as a JSON number", { value: 1e20 }, "value"],
    ['"12abc34"', { value: "12abc34" }, "value"],
    ['"1e308"', { value: "1e308" }, "value"],
    ["2026-02-30", { expectedCloseDate: "2026-02-30" }, "expectedCloseDate"],
    ["year 0000", { expectedCloseDate: "0000-01-01" }, "expectedCloseDate"],
    ["a due time in year 275760", { firstAction: { type: "call", details: "Call", dueAt: YEAR_275760 } }, "firstAction.dueAt"],
    ["a rolled-over due time", { firstAction: { type: "call", details: "Call", dueAt: "2027-02-30T09:00:00Z" } }, "firstAction.dueAt"],
    ["NUL in the first step", { firstAction: { type: "call", details: "\u0000", dueAt: inADay() } }, "firstAction.details"],
  ])("create deal: %s", async (_what, patch, field) => {
    expectFieldError(await asUser(team.rep.id, () => createDealAction(team.org.slug, dealInput(patch))), field);
  });

  it("update deal, complete and snooze a next step", async () => {
    expectFieldError(await asUser(team.rep.id, () => updateDealAction(team.org.slug, { dealId, patch: { value: 1e20 } })), "patch.value");
    expectFieldError(
      await asUser(team.rep.id, () => updateDealAction(team.org.slug, { dealId, patch: { expectedCloseDate: "2026-02-30" } })),
      "patch.expectedCloseDate",
    );
    expectFieldError(
      await asUser(team.rep.id, () =>
        completeNextStepAction(team.org.slug, {
          actionId,
          outcome: "Talked",
          followUp: { then: "next", next: { type: "email", details: "Send it", dueAt: YEAR_275760 } },
        }),
      ),
      "followUp.next.dueAt",
    );
    expectFieldError(
      await asUser(team.rep.id, () => completeNextStepAction(team.org.slug, { actionId, outcome: "\uDC00", followUp: { then: "won" } })),
      "outcome",
    );
    expectFieldError(
      await asUser(team.rep.id, () => snoozeNextStepAction(team.org.slug, { actionId, dueAt: "2027-02-30T09:00:00Z", reason: "Later" })),
      "dueAt",
    );
    expectFieldError(
      await asUser(team.rep.id, () => snoozeNextStepAction(team.org.slug, { actionId, dueAt: inADay(), reason: "a\u0000" })),
      "reason",
    );
  });

  it("org settings, members and stages", async () => {
    const settings: OrgSettingsInput = {
      name: "Acme\u0000",
      currency: "EUR",
      locale: "fr-FR",
      timeZone: "Europe/Paris",
      defaultTaxRate: "25",
      saleNumberPrefix: "AC",
    };
    expectFieldError(await asUser(team.admin.id, () => updateOrgSettingsAction(team.org.slug, settings)), "name");
    expectFieldError(
      await asUser(team.admin.id, () => updateOrgSettingsAction(team.org.slug, { ...settings, name: "Acme", defaultTaxRate: "1e1" })),
      "defaultTaxRate",
    );
    expectFieldError(await asUser(team.admin.id, () => inviteMemberAction(team.org.slug, { email: "a\u0000@b.co", role: "rep" })), "email");
    expectFieldError(
      await asUser(team.admin.id, () => addStageAction(team.org.slug, { name: "\uDBFFDemo", probability: 20, staleAfterDays: 14 })),
      "name",
    );
  });

  it.each<[string, number[]]>([
    ["a PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]],
    ["UTF-16 without a byte-order mark", utf16le("Title,Value\nAcme,100\n")],
    ["binary", [0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x00, 0x01, 0x02, 0x03, 0xfe, 0x0a, 0x41, 0x0a]],
  ])("upload: %s is refused with a message on the file", async (_what, bytes) => {
    const result = await upload(bytes);
    expectFieldError(result, "file");
    expect(result.ok === false && result.message).toMatch(/not a CSV file|not text|UTF-16/);
  });

  it("upload: UTF-16 with a byte-order mark is read as text", async () => {
    const result = await upload([0xff, 0xfe, ...utf16le("Title;Contact;Value\nÉcole;Café Noir;1 000\n")]);
    expect(result).toMatchObject({ ok: true, data: { importId: expect.any(String) } });
    if (!result.ok) return;
    const [draft] = await getDb().select().from(imports).where(eq(imports.id, result.data.importId));
    expect(draft).toMatchObject({
      encoding: "utf-16le",
      headers: ["Title", "Contact", "Value"],
      sample: [{ cells: ["École", "Café Noir", "1 000"] }],
    });
  });
});
