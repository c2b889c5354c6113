"use client";

import { UserMinus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { removeMemberAction } from "@/actions/members";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { MemberRow } from "./members-table";

type RemoveMemberButtonProps = { orgSlug: string; orgName: string; member: MemberRow };

/** Removal is confirmed in a dialog; a refusal (e.g. the last admin) is shown inside it. */
export function RemoveMemberButton({ orgSlug, orgName, member }: RemoveMemberButtonProps) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function remove() {
    startTransition(async () => {
      const result = await removeMemberAction(orgSlug, { userId: member.userId });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setOpen(false);
      if (member.isYou) {
        // This org is no longer ours to see: start over from the org picker.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- drop the client cache of this org's pages
        window.location.assign("/");
        return;
      }
      toast.success(`${member.name} was removed from ${orgName}.`);
      router.refresh();
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Remove ${member.name}`} icon={<UserMinus aria-hidden className="size-4" />}>
          <span className="hidden sm:inline">Remove</span>
        </Button>
      </DialogTrigger>
      <DialogContent
        title={member.isYou ? `Leave ${orgName}?` : `Remove ${member.name}?`}
        description={
          member.isYou
            ? `You will lose access to ${orgName} right away. An admin can add you again later.`
            : `${member.name} (${member.email}) will lose access to ${orgName} right away. An admin can add them again later.`
        }
        footer={
          <>
            <DialogClose asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </DialogClose>
            <Button variant="danger" pending={pending} onClick={remove}>
              {member.isYou ? "Leave organization" : "Remove member"}
            </Button>
          </>
        }
      >
        {error ? <Alert tone="error">{error}</Alert> : null}
      </DialogContent>
    </Dialog>
  );
}
