import { describe, expect, it } from "vitest";

import { fieldForHeader, suggestMapping } from "./headers";

describe("header mapping", () => {
  it("maps the founder's French headers", () => {
    expect(suggestMapping(["client", "statut", "montant_brut", "secteur", "date_echeance", "assignee", "notes"])).toEqual([
      "contact",
      "stage",
      "value",
      "sector",
      "expectedCloseDate",
      "owner",
      "notes",
    ]);
  });

  it("maps English CRM exports and decorated French headers", () => {
    expect(
      suggestMapping([
        "Company",
        "Deal name",
        "Deal Stage",
        "Amount",
        "Industry",
        "Expected close date",
        "Deal owner",
        "Lead source",
        "Comments",
      ]),
    ).toEqual(["contact", "title", "stage", "value", "sector", "expectedCloseDate", "owner", "source", "notes"]);
    expect(fieldForHeader("Montant HT (€)")).toBe("value");
    expect(fieldForHeader("Date d'échéance")).toBe("expectedCloseDate");
    expect(fieldForHeader("  SOCIÉTÉ ")).toBe("contact");
    expect(fieldForHeader("Commercial")).toBe("owner");
    expect(fieldForHeader("Sales rep")).toBe("owner");
    expect(fieldForHeader("Customer")).toBe("contact");
    expect(fieldForHeader("Titre")).toBe("title");
  });

  it("leaves unknown columns unmapped and gives a field to its first column only", () => {
    expect(suggestMapping(["Client", "Telephone", "Customer", "ID"])).toEqual(["contact", null, null, null]);
  });
});
