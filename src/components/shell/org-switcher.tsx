"use client";

import { ChevronsUpDown, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";

import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { type Role, ROLE_LABELS } from "@/lib/permissions";

import { CreateOrganizationDialog } from "./create-organization-dialog";
import { OrgAvatar } from "./org-avatar";

/** Same shape as the server's OrgSummary; declared here so client code never imports server modules. */
export type OrgChoice = { slug: string; name: string; role: Role };

type OrgSwitcherProps = {
  orgs: OrgChoice[];
  current: OrgChoice;
  onNavigate?: () => void;
};

/** Lists the user's own memberships; the current org is the checked radio item. Also where a new org is created. */
export function OrgSwitcher({ orgs, current, onNavigate }: OrgSwitcherProps) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  // Set when "Create organization…" is picked: the dialog opens once the menu has closed and let go
  // of focus (opened at once, the closing menu's focus trap pulled focus back from the dialog's field).
  const createPicked = useRef(false);

  function switchTo(slug: string) {
    if (slug === current.slug) return;
    onNavigate?.();
    router.push(`/${slug}/today`);
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger
          data-testid="org-switcher"
          aria-label={`Organization: ${current.name}. Switch organization`}
          className="shell-trigger"
        >
          <OrgAvatar name={current.name} />
          <span className="min-w-0 flex-1">
            <span className="shell-strong block truncate text-sm font-semibold">{current.name}</span>
            <span className="shell-muted block truncate text-xs">{ROLE_LABELS[current.role]}</span>
          </span>
          <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-zinc-400" />
        </DropdownMenuTrigger>
        <DropdownMenuContent
          align="start"
          className="w-(--radix-dropdown-menu-trigger-width) min-w-64"
          onCloseAutoFocus={(event) => {
            if (!createPicked.current) return;
            createPicked.current = false;
            event.preventDefault(); // the dialog focuses its own first field, not the trigger
            setCreating(true);
          }}
        >
          <DropdownMenuLabel>Your organizations</DropdownMenuLabel>
          <DropdownMenuRadioGroup value={current.slug} onValueChange={switchTo}>
            {orgs.map((org) => (
              <DropdownMenuRadioItem key={org.slug} value={org.slug} className="py-2">
                <OrgAvatar name={org.name} className="size-6 text-[0.65rem]" />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium">{org.name}</span>
                  <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">{ROLE_LABELS[org.role]}</span>
                </span>
              </DropdownMenuRadioItem>
            ))}
          </DropdownMenuRadioGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => (createPicked.current = true)}>
            <Plus aria-hidden className="size-4" />
            Create organization…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <CreateOrganizationDialog open={creating} onOpenChange={setCreating} onNavigate={onNavigate} />
    </>
  );
}
