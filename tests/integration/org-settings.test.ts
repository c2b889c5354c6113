import { describe, expect, it } from "vitest";

import { updateOrgSettingsAction } from "@/actions/organization";
import { getDb } from "@/db/client";
import { createOrgWithTeam } from "@/db/seed/factories";
import { getOrganizationSettings } from "@/server/data/organizations";
import { asUser, ctxFor } from "@tests/integration/support/fixtures";
import { auditRowsFor, snapshotOrg, validSettings } from "@tests/integration/support/org-state";

describe("organization settings", () => {
  it("persist, normalised, and are what the next request sees", async () => {
    const team = await createOrgWithTeam(getDb(), { defaultTaxRateBp: 2500, currency: "DKK", saleNumberPrefix: "RS" });
    const input = validSettings({ name: "  Atelier Lumière  ", defaultTaxRate: "5.5", saleNumberPrefix: " al " });
    const res = await asUser(team.admin.id, () => updateOrgSettingsAction(team.org.slug, input));
    expect(res).toEqual({ ok: true, data: { name: "Atelier Lumière" } });
    const { org } = await snapshotOrg(team.org.id);
    expect(org).toMatchObject({
      name: "Atelier Lumière",
      slug: team.org.slug, // not editable here
      currency: "EUR",
      locale: "fr-FR",
      timeZone: "Europe/Paris",
      defaultTaxRateBp: 550,
      saleNumberPrefix: "AL",
    });
    expect(org!.updatedAt.getTime()).toBeGreaterThanOrEqual(team.org.updatedAt.getTime());
    const settings = getOrganizationSettings(await ctxFor(team.manager.id, team.org.slug));
    expect(settings).toMatchObject({ currency: "EUR", defaultTaxRate: 5.5, saleNumberPrefix: "AL" });
  });

  it("write an audit row with who, before and after, in the same units", async () => {
    const team = await createOrgWithTeam(getDb(), { defaultTaxRateBp: 2500, currency: "DKK", saleNumberPrefix: "RS" });
    await asUser(team.admin.id, () => updateOrgSettingsAction(team.org.slug, validSettings({ name: "Tekup", defaultTaxRate: 20 })));
    const rows = await auditRowsFor(team.org.id, "organization");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: team.admin.id, entityId: team.org.id, action: "update" });
    expect(rows[0]!.before).toMatchObject({ name: team.org.name, currency: "DKK", defaultTaxRate: 25, saleNumberPrefix: "RS" });
    expect(rows[0]!.after).toMatchObject({ name: "Tekup", currency: "EUR", defaultTaxRate: 20, saleNumberPrefix: "AL" });
  });

  it.each([
    [{ timeZone: "Europe/Atlantis" }, "timeZone", "Unknown time zone (use an IANA name such as Europe/Copenhagen)"],
    [{ defaultTaxRate: "100.5" }, "defaultTaxRate", "Tax rate cannot exceed 100 %"],
    [{ defaultTaxRate: 101 }, "defaultTaxRate", "Tax rate cannot exceed 100 %"],
    [{ saleNumberPrefix: "RS-2026" }, "saleNumberPrefix", "Use 1–8 letters or digits"],
    [{ saleNumberPrefix: "TOOLONGPREFIX" }, "saleNumberPrefix", "Use 1–8 letters or digits"],
  ])("refuse %j with a message on the field, writing nothing", async (patch, field, message) => {
    const team = await createOrgWithTeam(getDb());
    const before = await snapshotOrg(team.org.id);
    const res = await asUser(team.admin.id, () => updateOrgSettingsAction(team.org.slug, validSettings(patch)));
    expect(res).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "Please correct the highlighted fields.",
      fieldErrors: { [field]: [message] },
    });
    expect(await snapshotOrg(team.org.id)).toEqual(before);
  });

  it("ignore fields the form does not own (slug, id)", async () => {
    const team = await createOrgWithTeam(getDb());
    const res = await asUser(team.admin.id, () =>
      updateOrgSettingsAction(team.org.slug, { ...validSettings(), slug: "hijacked", id: "00000000-0000-4000-8000-000000000000" } as never),
    );
    expect(res.ok).toBe(true);
    const { org } = await snapshotOrg(team.org.id);
    expect(org).toMatchObject({ id: team.org.id, slug: team.org.slug });
  });
});
