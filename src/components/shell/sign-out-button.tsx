"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";

import { signOutAction } from "@/actions/auth";
import { Button } from "@/components/ui/button";

/** For pages outside the shell (no user menu there). */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      className="w-full"
      pending={pending}
      icon={<LogOut aria-hidden className="size-4" />}
      onClick={async () => {
        setPending(true);
        // Whatever the outcome (an expired session is fine), the login page is where to go next.
        await signOutAction({}).catch(() => undefined);
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load drops every cached signed-in page
        window.location.assign("/login");
      }}
    >
      Sign out
    </Button>
  );
}
