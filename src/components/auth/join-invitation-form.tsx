"use client";

import type { z } from "zod";

import { joinInvitationAction } from "@/actions/auth";
import { FormAlert } from "@/components/forms/form-messages";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { joinInvitationSchema } from "@/lib/schemas/members";

import { SwitchLink } from "./accept-invitation-form";
import { useLeavingActionForm } from "./use-leaving-action-form";

type JoinInvitationFormProps = {
  token: string;
  email: string;
  orgName: string;
  /** Signed in as the invited account already: one button. Otherwise its password signs in here. */
  signedIn: boolean;
  /** Switches to creating a new account (absent when signed in as the invitee). */
  onNewAccount?: () => void;
};

/** Accepting an invitation with an account that already exists. */
export function JoinInvitationForm({ token, email, orgName, signedIn, onNewAccount }: JoinInvitationFormProps) {
  const { form, busy } = useLeavingActionForm({
    action: (input: z.input<typeof joinInvitationSchema>) => joinInvitationAction(input),
    schema: joinInvitationSchema,
  });

  return (
    <Card>
      <CardBody className="p-6">
        <form {...form.formProps} className="space-y-4" aria-label="Accept invitation">
          <input type="hidden" name="token" value={token} />
          <FormAlert form={form} />
          <Field label="Email">{(control) => <Input {...control} type="email" value={email} readOnly autoComplete="username" />}</Field>
          {signedIn ? null : (
            <Field label="Password" {...form.field("password")} hint="The password of your Momentum account.">
              {(control) => <Input {...control} type="password" autoComplete="current-password" autoFocus />}
            </Field>
          )}
          <Button type="submit" pending={busy} className="w-full">
            {busy ? "Joining…" : signedIn ? `Join ${orgName}` : "Sign in and join"}
          </Button>
          {onNewAccount ? <SwitchLink prompt="New to Momentum?" label="Create an account" onClick={onNewAccount} /> : null}
        </form>
      </CardBody>
    </Card>
  );
}
