import { describe, expect, it } from "vitest";

import { ownerMatcher } from "./owners";

const members = [
  { userId: "lea", name: "Léa Martin", email: "lea@atelier.demo" },
  { userId: "hugo", name: "Hugo Bernard", email: "hugo@atelier.demo" },
  { userId: "hugo2", name: "Hugo Petit", email: "h.petit@atelier.demo" },
];
const match = ownerMatcher(members);
const who = (raw: string) => {
  const r = match(raw);
  return r.ok ? r.member.userId : r.message;
};

describe("ownerMatcher", () => {
  it("matches by email, full name, or a first name only one member has", () => {
    expect(who("LEA@atelier.demo")).toBe("lea");
    expect(who("léa martin")).toBe("lea");
    expect(who("Lea Martin")).toBe("lea");
    expect(who("Léa")).toBe("lea");
    expect(who("Hugo Bernard")).toBe("hugo");
    expect(who("h.petit@atelier.demo")).toBe("hugo2");
  });

  it("says when a name is ambiguous or unknown", () => {
    expect(who("Hugo")).toBe("“Hugo” matches several members: use the full name or email");
    expect(who("Chloé")).toBe("“Chloé” is not a member of this organization");
  });
});
