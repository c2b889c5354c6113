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
                      className={clsx(
                        "group flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors",
                        isActive
                          ? "bg-white text-zinc-900 shadow-xs ring-1 ring-zinc-200 dark:bg-zinc-800 dark:text-white dark:ring-zinc-700"
                          : "text-zinc-600 hover:bg-zinc-200/60 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-zinc-100",
                      )}
                    >
                      <Icon
                        aria-hidden
                        className={clsx(
                          "size-4 shrink-0",
                          isActive
                            ? "text-brand-600 dark:text-brand-400"
                            : "text-zinc-400 group-hover:text-zinc-600 dark:text-zinc-500 dark:group-hover:text-zinc-300",
                        )}
                      />
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
