import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { getDb, getSql } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO_ORGS, DEMO_PASSWORD } from "@/db/seed/demo-data";
import { addMember, createOrganization, createUser, seedPasswordHash } from "@/db/seed/factories";
import { databaseContext } from "@/server/data/context";
import { demoLoginHint } from "@/server/data/demo-login";

const hint = () => demoLoginHint(databaseContext());
const DEMO = DEMO_ORGS[0]!;

describe("the sign-in page's demo hint", () => {
  // Each test file has its own database, migrated but not seeded: a real install's state. The steps
  // run in order, from that state to a demo that is present and then no longer usable.
  it("is not offered on an install without the demo, even with an account of the demo's address", async () => {
    expect(await hint()).toBeNull();
    // e.g. someone set Momentum up with that address: no demo org, so no hint (and not their password).
    const mette = await createUser(getDb(), { email: "Mette@Momentum.demo", name: "Mette Hansen", password: "her own password" });
    expect(await hint()).toBeNull();
    // The demo org exists but the account is not its admin, or has another password: still no hint.
    const org = await createOrganization(getDb(), { name: DEMO.name, slug: DEMO.slug });
    await addMember(getDb(), org.id, mette.id, "rep");
    expect(await hint()).toBeNull();
  });

  it("is offered when the demo is present: its admin account, with the demo password", async () => {
    await getDb()
      .update(users)
      .set({ passwordHash: seedPasswordHash(DEMO_PASSWORD) })
      .where(eq(users.email, "mette@momentum.demo"));
    await getSql()`update memberships set role = 'admin' where org_id = (select id from organizations where slug = ${DEMO.slug})`;
    expect(await hint()).toEqual({ email: "mette@momentum.demo", password: DEMO_PASSWORD });
  });

  it("is withdrawn once the demo account's password is changed: the hint would not work", async () => {
    await getDb()
      .update(users)
      .set({ passwordHash: seedPasswordHash("a changed password") })
      .where(eq(users.email, "mette@momentum.demo"));
    expect(await hint()).toBeNull();
  });
});
