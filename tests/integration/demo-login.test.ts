import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed/demo-data";
import { createUser } from "@/db/seed/factories";
import { databaseContext } from "@/server/data/context";
import { demoLoginHint } from "@/server/data/demo-login";

describe("the sign-in page's demo hint", () => {
  it("is offered only when the demo's account is in the database", async () => {
    // Each test file has its own database, migrated but not seeded: a real install's state.
    expect(await demoLoginHint(databaseContext())).toBeNull();

    await createUser(getDb(), { email: "Mette@Momentum.demo", name: "Mette Hansen" });
    expect(await demoLoginHint(databaseContext())).toEqual({ email: "mette@momentum.demo", password: DEMO_PASSWORD });
  });
});
