import { describe, expect, it } from "vitest";

import { firstStepFor, suggestedFirstStep } from "./first-steps";

describe("first next step of an imported deal", () => {
  it("follows the stage: not “Qualify” for a deal in negotiation", () => {
    expect(suggestedFirstStep("Lead", "en-GB")).toBe("Qualify the need");
    expect(suggestedFirstStep("Negotiation", "en-US")).toBe("Agree the terms and close");
    expect(suggestedFirstStep("Négociation", "fr-FR")).toBe("Finaliser les conditions et signer");
    expect(suggestedFirstStep("Devis envoyé", "fr-FR")).toBe("Relancer la proposition");
    expect(suggestedFirstStep("Demo booked", "en-GB")).toBeNull();
  });

  it("takes the admin's step for the stage first, and the import's own for a stage it knows nothing of", () => {
    expect(firstStepFor({ name: "Proposal", firstStep: "Call to walk through the quote" }, "en-GB", "Follow up")).toBe(
      "Call to walk through the quote",
    );
    expect(firstStepFor({ name: "Proposal", firstStep: null }, "en-GB", "Follow up")).toBe("Follow up on the proposal");
    expect(firstStepFor({ name: "Demo booked" }, "en-GB", "Follow up")).toBe("Follow up");
  });
});
