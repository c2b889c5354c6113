import { describe, expect, it } from "vitest";

import { can, type Permission, PERMISSIONS, type Role, ROLE_LABELS, ROLES } from "./permissions";

const permissions = Object.keys(PERMISSIONS) as Permission[];

describe("permissions", () => {
  it("lets an admin do everything", () => {
    for (const p of permissions) expect(can("admin", p), p).toBe(true);
  });

  it.each<[Permission, Role[]]>([
    ["org.settings.update", ["admin"]],
    ["members.manage", ["admin"]],
    ["pipeline.configure", ["admin"]],
    ["deals.delete", ["admin"]],
    ["deals.viewAll", ["admin", "manager"]],
    ["deals.reopen", ["admin", "manager"]],
    ["import.run", ["admin", "manager"]],
    ["org.view", ["admin", "manager", "rep"]],
    ["members.view", ["admin", "manager", "rep"]],
    ["deals.create", ["admin", "manager", "rep"]],
    ["deals.update", ["admin", "manager", "rep"]],
    ["actions.complete", ["admin", "manager", "rep"]],
    ["dashboard.view", ["admin", "manager", "rep"]],
    ["export.run", ["admin", "manager", "rep"]],
  ])("%s is granted to exactly %j", (permission, allowed) => {
    expect(ROLES.filter((role) => can(role, permission))).toEqual(allowed);
  });

  it("covers every permission in the table above", () => {
    // A new permission must be given an explicit row in the test, not inherit a guess.
    expect(permissions).toHaveLength(14);
  });

  it("never grants a rep more than a manager, nor a manager more than an admin", () => {
    for (const p of permissions) {
      if (can("rep", p)) expect(can("manager", p), p).toBe(true);
      if (can("manager", p)) expect(can("admin", p), p).toBe(true);
    }
  });

  it("has a label for every role", () => {
    expect(Object.keys(ROLE_LABELS).sort()).toEqual([...ROLES].sort());
    expect(ROLE_LABELS.rep).toBe("Sales rep");
  });
});
