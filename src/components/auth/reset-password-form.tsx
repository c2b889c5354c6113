"use client";

import { useState } from "react";
import type { z } from "zod";

import { resetPasswordAction } from "@/actions/auth";
import { FormAlert } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { resetPasswordSchema } from "@/lib/schemas/profile";

/** A new password through an admin's one-time link; signed in with it afterwards. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  // Stays true after success until the browser has left the page.
  const [leaving, setLeaving] = useState(false);
  const form = useActionForm({
    action: (input: z.input<typeof resetPasswordSchema>) => resetPasswordAction(input),
    schema: resetPasswordSchema,
    failureToast: false,
    onSuccess: ({ redirectTo }) => {
      setLeaving(true);
      window.location.assign(redirectTo);
    },
  });
  const busy = form.pending || leaving;
  return (
    <Card>
      <CardBody className="p-6">
        <form {...form.formProps} className="space-y-4" aria-label="Set a new password">
          <input type="hidden" name="token" value={token} />
          <FormAlert form={form} />
          <Field label="Email">{(control) => <Input {...control} type="email" value={email} readOnly autoComplete="username" />}</Field>
          <Field label="New password" {...form.field("password")} hint="At least 10 characters.">
            {(control) => <Input {...control} type="password" autoComplete="new-password" minLength={10} autoFocus />}
          </Field>
          <Button type="submit" pending={busy} className="w-full">
            {busy ? "Saving…" : "Set password and sign in"}
          </Button>
        </form>
      </CardBody>
    </Card>
  );
}
