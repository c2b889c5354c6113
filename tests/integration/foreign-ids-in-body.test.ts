import { describe, expect, it } from "vitest";

import { asUser } from "@tests/integration/support/fixtures";
import {
  FOREIGN_ID_CASES,
  foreignWorld,
  SERVER_ACTION_NAMES,
  SERVER_ACTIONS,
  snapshotBothOrgs,
} from "@tests/integration/support/foreign-id-cases";
import { withJobQueue } from "@tests/integration/support/import-fixtures";

withJobQueue({ work: false });

const names = SERVER_ACTION_NAMES;
const withIds = names.filter((n) => "calls" in (FOREIGN_ID_CASES[n] ?? {}));

describe("another org's ids inside the body of an own-org call", () => {
  it("has a row for every exported server action of src/actions", () => {
    expect(names).toEqual(Object.keys(FOREIGN_ID_CASES).sort());
    expect(names).toEqual(expect.arrayContaining(Object.keys(SERVER_ACTIONS)));
    // Most actions name records; a registry of "none" rows would prove nothing.
    expect(withIds.length).toBeGreaterThanOrEqual(18);
  });

  it.each(withIds)("%s: refuses each of org B's ids as not found or invalid, and changes nothing", async (name) => {
    const world = await foreignWorld();
    const calls = (FOREIGN_ID_CASES[name] as { calls: (w: typeof world) => Record<string, unknown> }).calls(world);
    for (const [label, input] of Object.entries(calls)) {
      const before = await snapshotBothOrgs(world);
      const result = await asUser(world.a.admin.id, () => SERVER_ACTIONS[name]!(world.a.org.slug, input));
      expect({ label, ok: result.ok, code: result.ok ? undefined : result.code }).toEqual({
        label,
        ok: false,
        code: expect.stringMatching(/^(NOT_FOUND|VALIDATION)$/),
      });
      expect(await snapshotBothOrgs(world), label).toEqual(before);
    }
  });
});
