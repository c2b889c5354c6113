"use client";

import { useState } from "react";

import { type ActionFormOptions, useActionForm } from "@/components/forms/use-action-form";

/**
 * A form whose success signs the browser in and leaves the page (setup, invitations, password reset):
 * a full navigation, so the new session cookie goes with the very next request. Refusals show on the
 * form, not in a toast. `busy` stays true after success until the browser has left the page.
 */
export function useLeavingActionForm<I, T extends { redirectTo: string }>(
  options: Omit<ActionFormOptions<I, T>, "onSuccess" | "failureToast">,
) {
  const [leaving, setLeaving] = useState(false);
  const form = useActionForm<I, T>({
    ...options,
    failureToast: false,
    onSuccess: ({ redirectTo }) => {
      setLeaving(true);
      window.location.assign(redirectTo);
    },
  });
  return { form, busy: form.pending || leaving };
}
