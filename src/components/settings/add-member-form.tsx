"use client";

import { UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState, useTransition } from "react";
import { toast } from "sonner";

import { inviteMemberAction } from "@/actions/members";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { type Role, ROLE_LABELS } from "@/lib/permissions";
import { inviteMemberSchema } from "@/lib/schemas/members";

import { InvitationLink } from "./invitation-link";
import { RoleOptions } from "./role-options";

type Errors = { email?: string[]; role?: string[] };

/** Adds an existing Momentum user at once, or creates an invitation link for a new one. */
export function AddMemberForm({ orgSlug }: { orgSlug: string }) {
  const router = useRouter();
  const emailRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("rep");
  const [errors, setErrors] = useState<Errors>({});
  const [invitation, setInvitation] = useState<{ email: string; url: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = inviteMemberSchema.safeParse({ email, role });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) (next[issue.path[0] as keyof Errors] ??= []).push(issue.message);
      setErrors(next);
      emailRef.current?.focus();
      return;
    }
    startTransition(async () => {
      const result = await inviteMemberAction(orgSlug, parsed.data);
      if (!result.ok) {
        // "x is already a member" belongs under the email; session or permission problems do not.
        if (result.fieldErrors || result.code === "CONFLICT") {
          setErrors(result.fieldErrors ?? { email: [result.message] });
          emailRef.current?.focus();
        } else {
          toast.error(result.message);
        }
        return;
      }
      setErrors({});
      setEmail("");
      if (result.data.kind === "added") {
        setInvitation(null);
        toast.success(`${result.data.name} was added as ${ROLE_LABELS[parsed.data.role]}.`);
      } else {
        setInvitation({ email: parsed.data.email, url: `${window.location.origin}/invite/${result.data.token}` });
        toast.success(`Invitation created for ${parsed.data.email}.`);
      }
      router.refresh();
    });
  }

  return (
    <Card>
      <CardHeader
        title="Add member"
        description="People who already use Momentum are added right away; anyone else gets an invitation link."
      />
      <CardBody className="space-y-4">
        <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start" aria-label="Add member">
          <Field label="Email" error={errors.email} className="flex-1">
            {(control) => (
              <Input
                {...control}
                ref={emailRef}
                type="email"
                name="email"
                autoComplete="off"
                placeholder="name@company.com"
                value={email}
                disabled={pending}
                onChange={(e) => {
                  setEmail(e.target.value);
                  if (errors.email) setErrors((current) => ({ ...current, email: undefined }));
                }}
              />
            )}
          </Field>
          <Field label="Role" error={errors.role} className="sm:w-40">
            {(control) => (
              <Select {...control} name="role" value={role} disabled={pending} onChange={(e) => setRole(e.target.value as Role)}>
                <RoleOptions />
              </Select>
            )}
          </Field>
          {/* Aligns with the inputs, below their labels, on wide screens. */}
          <Button type="submit" pending={pending} icon={<UserPlus aria-hidden className="size-4" />} className="sm:mt-7">
            Add member
          </Button>
        </form>
        {invitation ? <InvitationLink email={invitation.email} url={invitation.url} onDismiss={() => setInvitation(null)} /> : null}
      </CardBody>
    </Card>
  );
}
