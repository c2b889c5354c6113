"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";

import { changeMemberRoleAction } from "@/actions/members";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { type Role, ROLE_LABELS } from "@/lib/permissions";

import type { MemberRow } from "./members-table";
import { RoleOptions } from "./role-options";

/**
 * Saves on change, showing the new role at once and rolling back if the server refuses (for
 * example demoting the last admin). Demoting yourself asks first: you would lose this page.
 */
export function MemberRoleSelect({ orgSlug, member }: { orgSlug: string; member: MemberRow }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>(member.role);
  const [confirmRole, setConfirmRole] = useState<Role | null>(null);
  const [pending, startTransition] = useTransition();

  function save(next: Role) {
    const previous = role;
    setRole(next);
    setConfirmRole(null);
    startTransition(async () => {
      const result = await changeMemberRoleAction(orgSlug, { userId: member.userId, role: next });
      if (!result.ok) {
        setRole(previous);
        toast.error(result.message);
        return;
      }
      toast.success(member.isYou ? `You are now ${ROLE_LABELS[next]}.` : `${member.name} is now ${ROLE_LABELS[next]}.`);
      router.refresh();
    });
  }

  function onChange(next: Role) {
    if (next === role) return;
    if (member.isYou && role === "admin") setConfirmRole(next);
    else save(next);
  }

  return (
    <>
      <Select
        aria-label={`Role for ${member.name}`}
        value={role}
        disabled={pending}
        aria-busy={pending || undefined}
        onChange={(e) => onChange(e.target.value as Role)}
        className="w-26 sm:w-36"
      >
        <RoleOptions />
      </Select>
      <Dialog open={confirmRole !== null} onOpenChange={(open) => !open && setConfirmRole(null)}>
        <DialogContent
          title="Give up your admin role?"
          description={`You will become ${confirmRole ? ROLE_LABELS[confirmRole] : ""} and can no longer change settings or manage members here. Another admin would have to make you admin again.`}
          footer={
            <>
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button variant="danger" onClick={() => confirmRole && save(confirmRole)}>
                Change my role
              </Button>
            </>
          }
        />
      </Dialog>
    </>
  );
}
