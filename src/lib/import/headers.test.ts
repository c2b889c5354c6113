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

describe("status and product columns", () => {
  const values = (...v: string[]) => v.map((value) => ({ value, count: 1 }));

  it("tells Pipedrive's Status column (open / won / lost) from its Stage column, in either order", () => {
    const headers = ["Title", "Organization", "Stage", "Status", "Product"];
    const counts = [null, null, values("Contact Made", "Negotiations Started"), values("open", "won", "lost"), null];
    expect(suggestMapping(headers, counts)).toEqual(["title", "contact", "stage", "status", "product"]);
    expect(suggestMapping(["Status", "Stage"], [values("open", "lost"), values("Lead")])).toEqual(["status", "stage"]);
  });

  it("keeps a French statut column of stage names as the stage", () => {
    expect(suggestMapping(["client", "statut"], [null, values("Prospect", "Gagné")])).toEqual(["contact", "stage"]);
  });
});
