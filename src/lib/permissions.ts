/**
 * Role → permission map. Pure, so the UI can hide what a role may not do; the action factory
 * and data layer enforce the same map on the server.
 */
export const ROLES = ["admin", "manager", "rep"] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;
const LEADS: readonly Role[] = ["admin", "manager"];
const ADMIN: readonly Role[] = ["admin"];

export const PERMISSIONS = {
  "org.view": ALL,
  "org.settings.update": ADMIN,
  "members.view": ALL,
  "members.manage": ADMIN,
  "pipeline.configure": ADMIN,
  "deals.create": ALL,
  "deals.update": ALL,
  /** See and act on every rep's deals, not only one's own. */
  "deals.viewAll": LEADS,
  "deals.reopen": LEADS,
  "deals.delete": ADMIN,
  "actions.complete": ALL,
  "dashboard.view": ALL,
  "import.run": LEADS,
  "export.run": ALL,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export const ROLE_LABELS: Record<Role, string> = { admin: "Admin", manager: "Manager", rep: "Sales rep" };
