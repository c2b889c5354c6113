"use client";

import { Mail } from "lucide-react";

import { revokeInvitationAction } from "@/actions/members";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { type Role, ROLE_LABELS } from "@/lib/permissions";

import { ROLE_TONES } from "./org-display";

export type InvitationRow = { id: string; email: string; role: Role; expires: string };

export function PendingInvitations({ orgSlug, invitations }: { orgSlug: string; invitations: InvitationRow[] }) {
  return (
    <Card>
      <CardHeader
        title="Pending invitations"
        description={
          invitations.length === 0
            ? "No open invitations. Invite someone above and their link waits here until it is used."
            : "Links that have not been used yet. Revoking one makes its link stop working."
        }
      />
      {invitations.length > 0 ? (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {invitations.map((invitation) => (
            <InvitationItem key={invitation.id} orgSlug={orgSlug} invitation={invitation} />
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

function InvitationItem({ orgSlug, invitation }: { orgSlug: string; invitation: InvitationRow }) {
  const form = useActionForm({
    action: (input: { invitationId: string }) => revokeInvitationAction(orgSlug, input),
    successToast: `Invitation for ${invitation.email} revoked.`,
    failureToast: (failure) => failure.message,
  });

  return (
    <li className="flex flex-wrap items-center gap-3 px-5 py-3">
      <span
        aria-hidden
        className="flex size-8 items-center justify-center rounded-full bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400"
      >
        <Mail className="size-4" />
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-zinc-900 dark:text-zinc-100">{invitation.email}</p>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">Expires {invitation.expires}</p>
      </div>
      <Badge tone={ROLE_TONES[invitation.role]}>{ROLE_LABELS[invitation.role]}</Badge>
      <form {...form.formProps}>
        <input type="hidden" name="invitationId" value={invitation.id} />
        <Button type="submit" variant="ghost" size="sm" pending={form.pending} aria-label={`Revoke invitation for ${invitation.email}`}>
          Revoke
        </Button>
      </form>
    </li>
  );
}
