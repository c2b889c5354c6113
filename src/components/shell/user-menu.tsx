"use client";

import { ChevronsUpDown, LogOut, UserRound } from "lucide-react";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useState } from "react";

import { signOutAction } from "@/actions/auth";
import { useActionForm } from "@/components/forms/use-action-form";
import { THEME_OPTIONS } from "@/components/theme/theme-options";
import { THEME_CHOICES, type ThemeChoice } from "@/components/theme/theme-script";
import { setThemeChoice, useThemeChoice } from "@/components/theme/use-theme";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

import { UserAvatar } from "./org-avatar";

function isThemeChoice(value: string): value is ThemeChoice {
  return (THEME_CHOICES as readonly string[]).includes(value);
}

export function UserMenu({ name, email }: { name: string; email: string }) {
  const theme = useThemeChoice();
  // The menu lives in the org's shell; the profile keeps the shell, so it is under the org's URL.
  const { org } = useParams<{ org: string }>();
  const [leaving, setLeaving] = useState(false);
  const leave = () => {
    setLeaving(true);
    // A full page load drops every client cache of the signed-in UI.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- intentional, see above
    window.location.assign("/login");
  };
  // Sign-out is a form of no fields (rendered beside the menu, which lives in a portal).
  const signOut = useActionForm({
    action: () => signOutAction({}),
    onSuccess: leave,
    // An already-ended session is the outcome we want anyway; anything else is worth a word (the toast), and a retry.
    onFailure: (failure) => failure.code === "UNAUTHENTICATED" && (leave(), true),
  });
  const signingOut = signOut.pending || leaving;

  return (
    <>
      <form {...signOut.formProps} hidden />
      <DropdownMenu>
        <DropdownMenuTrigger data-testid="user-menu" aria-label={`Account: ${name}`} className="shell-trigger">
          <UserAvatar name={name} />
          <span className="min-w-0 flex-1">
            <span className="shell-strong block truncate text-sm font-medium">{name}</span>
            <span className="shell-muted block truncate text-xs">{email}</span>
          </span>
          <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-zinc-400" />
        </DropdownMenuTrigger>
        <DropdownMenuContent side="top" align="start" className="w-(--radix-dropdown-menu-trigger-width) min-w-60">
          <div className="px-2 py-1.5">
            <p className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{name}</p>
            <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{email}</p>
          </div>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href={`/${org}/profile`}>
              <UserRound aria-hidden className="size-4 text-zinc-500 dark:text-zinc-400" />
              Profile
            </Link>
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuGroup>
            <DropdownMenuLabel>Theme</DropdownMenuLabel>
            <DropdownMenuRadioGroup value={theme} onValueChange={(value) => isThemeChoice(value) && setThemeChoice(value)}>
              {THEME_CHOICES.map((choice) => {
                const { label, Icon } = THEME_OPTIONS[choice];
                return (
                  <DropdownMenuRadioItem key={choice} value={choice}>
                    <Icon aria-hidden className="size-4 text-zinc-500 dark:text-zinc-400" />
                    {label}
                  </DropdownMenuRadioItem>
                );
              })}
            </DropdownMenuRadioGroup>
          </DropdownMenuGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem disabled={signingOut} onSelect={(event) => (event.preventDefault(), signOut.submit())}>
            <LogOut aria-hidden className="size-4 text-zinc-500 dark:text-zinc-400" />
            {signingOut ? "Signing out…" : "Sign out"}
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
    </>
  );
}
