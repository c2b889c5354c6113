"use client";

import type { z } from "zod";

import { updateProfileAction } from "@/actions/profile";
import { FormAlert } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { SettingsSection } from "@/components/settings/settings-section";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { updateProfileSchema } from "@/lib/schemas/profile";

/** Name and email: the same in every organization the user belongs to. */
export function ProfileForm({ initial }: { initial: { name: string; email: string } }) {
  const form = useActionForm({
    action: (input: z.input<typeof updateProfileSchema>) => updateProfileAction(input),
    schema: updateProfileSchema,
    // The shell shows the name and email too.
    refresh: true,
    successToast: "Profile saved",
  });
  return (
    <form {...form.formProps} aria-label="Profile">
      <SettingsSection title="Name and email" description="How your team sees you, and the email you sign in with, in every organization.">
        <fieldset disabled={form.pending} className="space-y-4">
          <FormAlert form={form} />
          <Field label="Name" {...form.field("name")}>
            {(control) => <Input {...control} autoComplete="name" defaultValue={initial.name} />}
          </Field>
          <Field label="Email" {...form.field("email")} hint="You sign in with this address from now on.">
            {(control) => <Input {...control} type="email" autoComplete="email" defaultValue={initial.email} />}
          </Field>
          <Button type="submit" pending={form.pending}>
            {form.pending ? "Saving…" : "Save"}
          </Button>
        </fieldset>
      </SettingsSection>
    </form>
  );
}
