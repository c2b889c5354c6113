"use client";

import type { z } from "zod";

import { resetPasswordAction } from "@/actions/auth";
import { FormAlert } from "@/components/forms/form-messages";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { resetPasswordSchema } from "@/lib/schemas/profile";

import { NewPasswordField } from "./new-password-field";
import { useLeavingActionForm } from "./use-leaving-action-form";

/** A new password through an admin's one-time link; signed in with it afterwards. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const { form, busy } = useLeavingActionForm({
    action: (input: z.input<typeof resetPasswordSchema>) => resetPasswordAction(input),
    schema: resetPasswordSchema,
  });
  return (
    <Card>
      <CardBody className="p-6">
        <form {...form.formProps} className="space-y-4" aria-label="Set a new password">
          <input type="hidden" name="token" value={token} />
          <FormAlert form={form} />
          <Field label="Email">{(control) => <Input {...control} type="email" value={email} readOnly autoComplete="username" />}</Field>
          <NewPasswordField label="New password" {...form.field("password")} autoFocus />
          <Button type="submit" pending={busy} className="w-full">
            {busy ? "Saving…" : "Set password and sign in"}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
