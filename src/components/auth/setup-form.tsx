"use client";

import { completeSetupAction } from "@/actions/setup";
import { FormAlert } from "@/components/forms/form-messages";
import { NewOrganizationFields, type RegionalOptions } from "@/components/settings/new-organization-fields";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { type SetupInput, setupSchema } from "@/lib/schemas/setup";

import { NewPasswordField } from "./new-password-field";
import { useLeavingActionForm } from "./use-leaving-action-form";

/** The first run: the organization, then its first admin; on success the admin is signed in and lands on Today. */
export function SetupForm({ token, ...options }: RegionalOptions & { token: string }) {
  const { form, busy } = useLeavingActionForm({
    action: (input: SetupInput) => completeSetupAction(input),
    schema: setupSchema,
  });

  return (
    <Card>
      <CardBody className="p-6">
        <form {...form.formProps} className="space-y-6" aria-label="Set up Momentum">
          <input type="hidden" name="token" value={token} />
          <FormAlert form={form} />
          <fieldset className="space-y-5">
            <legend className="mb-4 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Your organization</legend>
            <NewOrganizationFields form={form} autoFocus {...options} />
          </fieldset>
          <fieldset className="space-y-5 border-t border-zinc-200 pt-5 dark:border-zinc-800">
            <legend className="sr-only">Your admin account</legend>
            <p className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">Your admin account</p>
            <Field label="Your name" {...form.field("admin.name")}>
              {(control) => <Input {...control} autoComplete="name" />}
            </Field>
            <Field label="Email" {...form.field("admin.email")}>
              {(control) => <Input {...control} type="email" autoComplete="username" />}
            </Field>
            <NewPasswordField label="Password" {...form.field("admin.password")} />
          </fieldset>
          <Button type="submit" pending={busy} className="w-full">
            {busy ? "Setting up…" : "Create organization and sign in"}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
