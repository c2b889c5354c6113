"use client";

import { useState } from "react";

import { changeMemberRoleAction } from "@/actions/members";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { type Role, ROLE_LABELS } from "@/lib/permissions";

import type { MemberRow } from "./members-table";
import { RoleOptions } from "./role-options";

/**
 * A one-field form that saves on change: the select shows the new role at once and goes back to
 * the stored one if the server refuses (for example demoting the last admin). Demoting yourself
 * asks first: you would lose this page.
 */
export function MemberRoleSelect({ orgSlug, member }: { orgSlug: string; member: MemberRow }) {
  const [confirmRole, setConfirmRole] = useState<Role | null>(null);
  const form = useActionForm({
    action: (input: { userId: string; role: Role }) => changeMemberRoleAction(orgSlug, input),
    successToast: (_, { role }) => (member.isYou ? `You are now ${ROLE_LABELS[role]}.` : `${member.name} is now ${ROLE_LABELS[role]}.`),
    // Every refusal is a toast: the only field is the select itself, which goes back to the stored role.
    failureToast: (failure) => failure.message,
    onFailure: () => showRole(member.role),
  });

  function roleSelect() {
    const select = form.formProps.ref.current?.elements.namedItem("role");
    return select instanceof HTMLSelectElement ? select : null;
  }

  function showRole(role: Role) {
    const select = roleSelect();
    if (select) select.value = role;
  }

  function onChange(next: Role) {
    if (member.isYou && member.role === "admin" && next !== "admin") {
      showRole(member.role);
      setConfirmRole(next);
    } else form.submit();
  }

  return (
    <form {...form.formProps}>
      <input type="hidden" name="userId" value={member.userId} />
      <Select
        name="role"
        aria-label={`Role for ${member.name}`}
        defaultValue={member.role}
        disabled={form.pending}
        aria-busy={form.pending || undefined}
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
              <Button
                variant="danger"
                onClick={() => {
                  if (confirmRole) showRole(confirmRole);
                  setConfirmRole(null);
                  form.submit();
                }}
              >
                Change my role
              </Button>
            </>
          }
        />
      </Dialog>
    </form>
  );
}
