import {
  ChartNoAxesCombined,
  Columns3,
  Download,
  Handshake,
  ListTodo,
  type LucideIcon,
  Settings,
  SlidersHorizontal,
  Upload,
  Users,
} from "lucide-react";

import { can, type Permission, type Role } from "@/lib/permissions";

export type NavGroup = "workspace" | "organization";

export type NavItem = {
  label: string;
  /** Relative to /[org]: "" is the org home, "/deals" becomes /acme/deals. */
  href: string;
  icon: LucideIcon;
  /** Hidden from roles without this permission (the server still enforces it on the page). */
  permission?: Permission;
  group?: NavGroup;
};

export const NAV_GROUP_LABELS: Record<NavGroup, string | null> = {
  workspace: null,
  organization: "Organization",
};

/**
 * The sidebar, in order. A new capability adds one line here, e.g.
 *   { label: "Deals", href: "/deals", icon: Handshake },
 *   { label: "Import", href: "/import", icon: Upload, permission: "import.run" },
  { label: "Exports", href: "/exports", icon: Download, permission: "export.run" },
 * Settings is shown to everyone (non-admins see it read-only), so it needs no permission.
 */
export const NAV_ITEMS: NavItem[] = [
  { label: "Today", href: "/today", icon: ListTodo },
  { label: "Deals", href: "/deals", icon: Handshake },
  { label: "Pipeline", href: "/pipeline", icon: Columns3 },
  { label: "Dashboard", href: "/dashboard", icon: ChartNoAxesCombined, permission: "dashboard.view" },
  { label: "Import", href: "/import", icon: Upload, permission: "import.run" },
  { label: "Exports", href: "/exports", icon: Download, permission: "export.run" },
  { label: "Settings", href: "/settings", icon: Settings, group: "organization" },
  { label: "Pipeline stages", href: "/settings/pipeline", icon: SlidersHorizontal, group: "organization" },
  { label: "Members", href: "/settings/members", icon: Users, permission: "members.view", group: "organization" },
];

export function visibleNavItems(role: Role, items: NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => !item.permission || can(role, item.permission));
}

/**
 * The active item is the one with the longest href that prefixes the path, so /acme/settings/members
 * highlights Members (not Settings) and /acme/deals/42 highlights Deals, while Home matches only
 * when nothing more specific does.
 */
export function activeNavHref(pathname: string, orgSlug: string, items: NavItem[]): string | null {
  const base = `/${orgSlug}`;
  let best: string | null = null;
  for (const item of items) {
    const full = base + item.href;
    const matches = pathname === full || pathname.startsWith(full.endsWith("/") ? full : `${full}/`);
    if (matches && (best === null || item.href.length > best.length)) best = item.href;
  }
  return best;
}
