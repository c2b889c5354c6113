"use client";

import { useState } from "react";
import type { z } from "zod";

import { changePasswordAction } from "@/actions/profile";
import { NewPasswordField } from "@/components/auth/new-password-field";
import { FormAlert } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { SettingsSection } from "@/components/settings/settings-section";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { changePasswordSchema } from "@/lib/schemas/profile";

/** A new password needs the current one; every other session of the account ends with the change. */
export function PasswordForm({ email }: { email: string }) {
  // Bumped after a change so the fields start empty again.
  const [changes, setChanges] = useState(0);
  const form = useActionForm({
    action: (input: z.input<typeof changePasswordSchema>) => changePasswordAction(input),
    schema: changePasswordSchema,
    successToast: ({ signedIn }) =>
      signedIn
        ? { title: "Password changed", description: "You were signed out on every other device." }
        : "Password changed. Sign in with the new one.",
    onSuccess: ({ signedIn }) => {
      // This browser could not be signed in again (e.g. too many attempts): its session ended with the others.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load drops every cached signed-in page
      if (!signedIn) window.location.assign("/login");
      else setChanges((n) => n + 1);
    },
  });
  return (
    <form {...form.formProps} key={changes} aria-label="Change password">
      <SettingsSection title="Password" description="Changing it signs you out on every other device and browser." last>
        <fieldset disabled={form.pending} className="space-y-4">
          <FormAlert form={form} />
          {/* For password managers: which account the new password belongs to. */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <Field label="Current password" {...form.field("currentPassword")}>
            {(control) => <Input {...control} type="password" autoComplete="current-password" />}
          </Field>
          <NewPasswordField label="New password" {...form.field("newPassword")} />
          <Button type="submit" pending={form.pending}>
            {form.pending ? "Changing…" : "Change password"}
          </Button>
        </fieldset>
      </SettingsSection>
    </form>
  );
}
