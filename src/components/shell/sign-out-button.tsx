"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";

import { signOutAction } from "@/actions/auth";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";

/**
 * For pages outside the shell (no user menu there), and the profile's "Sign out everywhere": a form
 * of one button. Any sign-out ends every session of the account (see signOutAction).
 */
export function SignOutButton({ label = "Sign out" }: { label?: string }) {
  // Stays true until the browser has left the page.
  const [leaving, setLeaving] = useState(false);
  const leave = () => {
    setLeaving(true);
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load drops every cached signed-in page
    window.location.assign("/login");
  };
  const form = useActionForm({
    action: () => signOutAction({}),
    // Whatever the outcome (an expired session is fine), the login page is where to go next.
    failureToast: false,
    onSuccess: leave,
    onFailure: () => (leave(), true),
  });
  return (
    <form {...form.formProps}>
      <Button
        type="submit"
        variant="secondary"
        className="w-full"
        pending={form.pending || leaving}
        icon={<LogOut aria-hidden className="size-4" />}
      >
        {label}
      </Button>
    </form>
  );
}
