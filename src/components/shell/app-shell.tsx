"use client";

import { clsx } from "clsx";
import { Menu, X } from "lucide-react";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";

import type { Role } from "@/lib/permissions";

import { LogoMark } from "./logo";
import { type OrgChoice, OrgSwitcher } from "./org-switcher";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

type AppShellProps = {
  current: OrgChoice;
  orgs: OrgChoice[];
  user: { name: string; email: string };
  role: Role;
  children: ReactNode;
};

// Tailwind's `lg` breakpoint: at and above it the sidebar is always shown, so the drawer must close.
const DESKTOP_QUERY = "(min-width: 64rem)";

/**
 * One sidebar element serves both layouts: fixed on large screens, an off-canvas drawer below
 * them. Rendering it once keeps a single org switcher and user menu in the DOM (no duplicate
 * test ids or landmarks). While the drawer is open the rest of the page is `inert`, which traps
 * focus and hides it from assistive technology without a focus-trap library.
 */
export function AppShell({ current, orgs, user, role, children }: AppShellProps) {
  const [open, setOpen] = useState(false);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const closeButtonRef = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);

  useEffect(() => {
    if (!open) return;
    const menuButton = menuButtonRef.current;
    closeButtonRef.current?.focus();

    function onKeyDown(event: KeyboardEvent) {
      // Radix menus inside the drawer handle their own Escape first and mark it as handled.
      if (event.key === "Escape" && !event.defaultPrevented) setOpen(false);
    }
    const desktop = window.matchMedia(DESKTOP_QUERY);
    function onViewportChange() {
      if (desktop.matches) setOpen(false);
    }

    document.addEventListener("keydown", onKeyDown);
    desktop.addEventListener("change", onViewportChange);
    const previousOverflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      desktop.removeEventListener("change", onViewportChange);
      document.body.style.overflow = previousOverflow;
      // Return focus to where the user opened the drawer from (a no-op once it is hidden on desktop).
      menuButton?.focus();
    };
  }, [open]);

  return (
    <div className="min-h-dvh bg-white dark:bg-zinc-950">
      <a href="#main" className="shell-skip">
        Skip to content
      </a>

      {open ? (
        <div aria-hidden className="fixed inset-0 z-40 bg-zinc-950/40 animate-fade-in lg:hidden dark:bg-black/60" onClick={close} />
      ) : null}

      <aside
        id="app-sidebar"
        aria-label="Sidebar"
        {...(open ? { role: "dialog", "aria-modal": true } : {})}
        className={clsx(
          "shell-aside",
          open ? "visible translate-x-0 shadow-2xl" : "invisible -translate-x-full",
          "lg:visible lg:translate-x-0 lg:shadow-none",
        )}
      >
        <div className="flex items-center gap-1 p-3">
          <div className="min-w-0 flex-1">
            <OrgSwitcher orgs={orgs} current={current} onNavigate={close} />
          </div>
          <button ref={closeButtonRef} type="button" onClick={close} aria-label="Close navigation" className="shell-icon-button lg:hidden">
            <X aria-hidden className="size-5" />
          </button>
        </div>
        <div className="flex-1 overflow-y-auto px-3 py-2">
          <SidebarNav orgSlug={current.slug} role={role} onNavigate={close} />
        </div>
        <div className="border-t border-zinc-200 p-3 dark:border-zinc-800">
          <UserMenu name={user.name} email={user.email} />
        </div>
      </aside>

      <div className="lg:pl-64" inert={open || undefined}>
        <header className="shell-header lg:hidden">
          <button
            ref={menuButtonRef}
            type="button"
            onClick={() => setOpen(true)}
            aria-label="Open navigation"
            aria-expanded={open}
            aria-controls="app-sidebar"
            className="shell-icon-button -ml-2"
          >
            <Menu aria-hidden className="size-5" />
          </button>
          <LogoMark className="size-6" />
          <span className="shell-strong truncate text-sm font-semibold">{current.name}</span>
        </header>
        <main id="main" tabIndex={-1} className="px-4 py-6 outline-none sm:px-6 lg:px-10 lg:py-10">
          <div className="mx-auto w-full max-w-5xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
