"use client";

import { UserAvatar } from "@/components/shell/org-avatar";
import { Badge } from "@/components/ui/badge";
import { type Role, ROLE_LABELS } from "@/lib/permissions";

import { MemberRoleSelect } from "./member-role-select";
import { ROLE_TONES } from "./org-display";
import { PasswordResetButton } from "./password-reset-button";
import { RemoveMemberButton } from "./remove-member-button";

export type MemberRow = { userId: string; name: string; email: string; role: Role; joined: string; isYou: boolean };

type MembersTableProps = { orgSlug: string; orgName: string; members: MemberRow[]; canManage: boolean };

export function MembersTable({ orgSlug, orgName, members, canManage }: MembersTableProps) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Members of {orgName}</caption>
        <thead className="border-b border-zinc-200 text-xs font-medium text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-2.5 pr-3 pl-4 font-medium sm:pl-5">
              Name
            </th>
            <th scope="col" className="hidden px-3 py-2.5 font-medium md:table-cell">
              Email
            </th>
            <th scope="col" className="px-2 py-2.5 font-medium sm:px-3">
              Role
            </th>
            <th scope="col" className="hidden px-3 py-2.5 font-medium lg:table-cell">
              Joined
            </th>
            {canManage ? (
              <th scope="col" className="py-2.5 pr-3 pl-1 sm:pr-5 sm:pl-3">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {members.map((member) => (
            // Keyed by role too: when a refresh brings a new role, the row's local select state restarts from it.
            <tr key={`${member.userId}:${member.role}`} className="hover:bg-zinc-50/60 dark:hover:bg-zinc-800/30">
              <td className="py-3 pr-3 pl-4 sm:pl-5">
                <div className="flex min-w-0 items-center gap-3">
                  <span className="hidden sm:block">
                    <UserAvatar name={member.name} className="size-8" />
                  </span>
                  <div className="min-w-0">
                    <p className="flex items-center gap-2 font-medium text-zinc-900 dark:text-zinc-100">
                      <span className="truncate">{member.name}</span>
                      {member.isYou ? <Badge>You</Badge> : null}
                    </p>
                    <p className="truncate text-xs text-zinc-500 md:hidden dark:text-zinc-400">{member.email}</p>
                  </div>
                </div>
              </td>
              <td className="hidden px-3 py-3 text-zinc-600 md:table-cell dark:text-zinc-400">{member.email}</td>
              <td className="px-2 py-3 sm:px-3">
                {canManage ? (
                  <MemberRoleSelect orgSlug={orgSlug} member={member} />
                ) : (
                  <Badge tone={ROLE_TONES[member.role]}>{ROLE_LABELS[member.role]}</Badge>
                )}
              </td>
              <td className="hidden px-3 py-3 whitespace-nowrap text-zinc-600 lg:table-cell dark:text-zinc-400">{member.joined}</td>
              {canManage ? (
                <td className="py-3 pr-3 pl-1 text-right sm:pr-5 sm:pl-3">
                  <div className="flex justify-end gap-1">
                    {member.isYou ? null : <PasswordResetButton orgSlug={orgSlug} member={member} />}
                    <RemoveMemberButton orgSlug={orgSlug} orgName={orgName} member={member} members={members} />
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
