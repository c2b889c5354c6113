"use client";

import { useState } from "react";
import type { z } from "zod";

import { acceptInvitationAction } from "@/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { acceptInvitationSchema } from "@/lib/schemas/members";

import { NewPasswordField } from "./new-password-field";
import { useLeavingActionForm } from "./use-leaving-action-form";

type AcceptInvitationFormProps = {
  token: string;
  email: string;
  /** Switches to signing in with an existing account. */ onUseAccount: () => void;
};

/** Accepting an invitation with a new account. */
export function AcceptInvitationForm({ token, email, onUseAccount }: AcceptInvitationFormProps) {
  // The address has an account already: the refusal offers to sign in instead.
  const [hasAccount, setHasAccount] = useState(false);
  const { form, busy } = useLeavingActionForm({
    action: (input: z.input<typeof acceptInvitationSchema>) => acceptInvitationAction(input),
    // Same schema as the action: the name and the 10-character minimum are checked before the round trip.
    schema: acceptInvitationSchema,
    onFailure: (failure) => setHasAccount(failure.code === "CONFLICT"),
  });

  return (
    <Card>
      <CardBody className="p-6">
        <form {...form.formProps} className="space-y-4" aria-label="Accept invitation">
          <input type="hidden" name="token" value={token} />
          {form.message ? (
            <Alert tone="error">
              {form.message}
              {hasAccount ? (
                <>
                  {" "}
                  <button type="button" onClick={onUseAccount} className="font-medium underline underline-offset-2">
                    Sign in to join
                  </button>
                </>
              ) : null}
            </Alert>
          ) : null}
          <Field label="Email">{(control) => <Input {...control} type="email" value={email} readOnly autoComplete="username" />}</Field>
          <Field label="Your name" {...form.field("name")}>
            {(control) => <Input {...control} autoComplete="name" autoFocus />}
          </Field>
          <NewPasswordField label="Password" {...form.field("password")} />
          <Button type="submit" pending={busy} className="w-full">
            {busy ? "Joining…" : "Create account and join"}
          </Button>
          <SwitchLink prompt="Already use Momentum?" label="Sign in to join" onClick={onUseAccount} />
        </form>
      </CardBody>
    </Card>
  );
}

/** The line under an invitation form that switches between a new account and an existing one. */
export function SwitchLink({ prompt, label, onClick }: { prompt: string; label: string; onClick: () => void }) {
  return (
    <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
      {prompt}{" "}
      <button type="button" onClick={onClick} className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-400">
        {label}
      </button>
    </p>
  );
}
