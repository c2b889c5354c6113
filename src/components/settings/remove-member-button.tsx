"use client";

import { UserMinus } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";

import { removeMemberAction } from "@/actions/members";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";

import type { MemberRow } from "./members-table";

type RemoveMemberButtonProps = { orgSlug: string; orgName: string; member: MemberRow; members: MemberRow[] };

/**
 * Removal is confirmed in a dialog that asks who takes over the member's open deals and pending
 * next steps (everyone may own deals; default: the admin removing them). A refusal (e.g. the last
 * admin) is shown inside it.
 */
export function RemoveMemberButton({ orgSlug, orgName, member, members }: RemoveMemberButtonProps) {
  const router = useRouter();
  const heirs = members.filter((m) => m.userId !== member.userId);
  const defaultHeir = heirs.find((m) => m.isYou) ?? heirs[0];

  function removed() {
    if (member.isYou) {
      // This org is no longer ours to see: start over from the org picker.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- drop the client cache of this org's pages
      window.location.assign("/");
      return;
    }
    toast.success(`${member.name} was removed from ${orgName}.`);
    router.refresh();
  }

  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Remove ${member.name}`} icon={<UserMinus aria-hidden className="size-4" />}>
          <span className="hidden sm:inline">Remove</span>
        </Button>
      }
      title={member.isYou ? `Leave ${orgName}?` : `Remove ${member.name}?`}
      description={
        member.isYou
          ? `You will lose access to ${orgName} right away. An admin can add you again later.`
          : `${member.name} (${member.email}) will lose access to ${orgName} right away. An admin can add them again later.`
      }
      confirmLabel={member.isYou ? "Leave organization" : "Remove member"}
      fields={
        heirs.length > 0
          ? (form) => (
              <Field label="Hand their open deals and next steps to" {...form.field("handoffTo")}>
                {(control) => (
                  <Select {...control} defaultValue={defaultHeir?.userId} disabled={form.pending}>
                    {heirs.map((m) => (
                      <option key={m.userId} value={m.userId}>
                        {m.isYou ? `${m.name} (you)` : m.name}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            )
          : undefined
      }
      action={({ handoffTo }) =>
        removeMemberAction(orgSlug, { userId: member.userId, handoffTo: typeof handoffTo === "string" ? handoffTo : undefined })
      }
      onSuccess={removed}
    />
  );
}
