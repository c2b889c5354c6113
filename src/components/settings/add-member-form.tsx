"use client";

import { UserPlus } from "lucide-react";
import { useState } from "react";
import type { z } from "zod";

import { inviteMemberAction } from "@/actions/members";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { inviteMemberSchema } from "@/lib/schemas/members";

import { InvitationLink } from "./invitation-link";
import { RoleOptions } from "./role-options";

/**
 * Creates an invitation link for anyone, with or without a Momentum account: they accept it
 * themselves, and nothing here tells whether the address already has an account.
 */
export function AddMemberForm({ orgSlug }: { orgSlug: string }) {
  const [invitation, setInvitation] = useState<{ email: string; url: string } | null>(null);
  const form = useActionForm({
    action: (input: z.input<typeof inviteMemberSchema>) => inviteMemberAction(orgSlug, input),
    schema: inviteMemberSchema,
    successToast: (_data, input) => `Invitation created for ${input.email}.`,
    // "x is already a member" sits under the email; session or permission problems have no field.
    failureToast: (failure) => (failure.fieldErrors ? null : failure.message),
    onSuccess: (data, input) => {
      const email = form.formProps.ref.current?.elements.namedItem("email");
      if (email instanceof HTMLInputElement) email.value = "";
      setInvitation({ email: input.email, url: `${window.location.origin}/invite/${data.token}` });
    },
  });

  return (
    <Card>
      <CardHeader
        title="Add member"
        description="Everyone joins through an invitation link: new people create their account, people who already use Momentum sign in to accept."
      />
      <CardBody className="space-y-4">
        <form {...form.formProps} className="flex flex-col gap-3 sm:flex-row sm:items-start" aria-label="Add member">
          <Field label="Email" {...form.field("email")} className="flex-1">
            {(control) => <Input {...control} type="email" autoComplete="off" placeholder="name@company.com" disabled={form.pending} />}
          </Field>
          <Field label="Role" {...form.field("role")} className="sm:w-40">
            {(control) => (
              <Select {...control} defaultValue="rep" disabled={form.pending}>
                <RoleOptions />
              </Select>
            )}
          </Field>
          {/* Aligns with the inputs, below their labels, on wide screens. */}
          <Button type="submit" pending={form.pending} icon={<UserPlus aria-hidden className="size-4" />} className="sm:mt-7">
            Add member
          </Button>
        </form>
        {invitation ? <InvitationLink email={invitation.email} url={invitation.url} onDismiss={() => setInvitation(null)} /> : null}
      </CardBody>
    </Card>
  );
}
