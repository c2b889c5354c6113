"use client";

import { clsx } from "clsx";
import Link from "next/link";
import { usePathname } from "next/navigation";

import type { Role } from "@/lib/permissions";

import { activeNavHref, NAV_GROUP_LABELS, type NavGroup, type NavItem, visibleNavItems } from "./nav-items";

type SidebarNavProps = {
  orgSlug: string;
  role: Role;
  /** Lets the mobile drawer close as soon as a link is chosen. */
  onNavigate?: () => void;
};

export function SidebarNav({ orgSlug, role, onNavigate }: SidebarNavProps) {
  const pathname = usePathname();
  const items = visibleNavItems(role);
  const active = activeNavHref(pathname, orgSlug, items);

  // Group in first-seen order so the config array alone decides the layout.
  const groups = new Map<NavGroup, NavItem[]>();
  for (const item of items) {
    const group = item.group ?? "workspace";
    groups.set(group, [...(groups.get(group) ?? []), item]);
  }

  return (
    <nav aria-label="Main" className="space-y-5">
      {[...groups].map(([group, groupItems]) => {
        const heading = NAV_GROUP_LABELS[group];
        const headingId = `nav-group-${group}`;
        return (
          <div key={group}>
            {heading ? (
              <p id={headingId} className="mb-1 px-2.5 text-xs font-medium text-zinc-500 dark:text-zinc-400">
                {heading}
              </p>
            ) : null}
            <ul className="space-y-0.5" aria-labelledby={heading ? headingId : undefined}>
              {groupItems.map((item) => {
                const isActive = item.href === active;
                const Icon = item.icon;
                return (
                  <li key={item.href}>
                    <Link
                      href={`/${orgSlug}${item.href}`}
                      onClick={onNavigate}
                      aria-current={isActive ? "page" : undefined}
                      // `.nav-link` (app/globals.css): the shell is on every page, its class strings too.
                      className={clsx("nav-link", isActive && "nav-link-active")}
                    >
                      <Icon aria-hidden className="nav-icon" />
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
