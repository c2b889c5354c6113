import type { Metadata } from "next";

import { AddMemberForm } from "@/components/settings/add-member-form";
import { type MemberRow, MembersTable } from "@/components/settings/members-table";
import { type InvitationRow, PendingInvitations } from "@/components/settings/pending-invitations";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/lib/dates/format";
import { can } from "@/lib/permissions";
import { listMembers, listPendingInvitations } from "@/server/data/members";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "Members" };

type MembersPageProps = { params: Promise<{ org: string }> };

export default async function MembersPage({ params }: MembersPageProps) {
  const { org: slug } = await params;
  const ctx = await getPageTenant(slug, "members.view");
  const canManage = can(ctx.role, "members.manage");
  const [members, invitations] = await Promise.all([listMembers(ctx), canManage ? listPendingInvitations(ctx) : Promise.resolve([])]);
  const { locale, timeZone } = ctx.org;

  // Dates are formatted here, in the org's locale and time zone, so the client renders them verbatim.
  const memberRows: MemberRow[] = members.map((m) => ({
    userId: m.userId,
    name: m.name,
    email: m.email,
    role: m.role,
    joined: formatDate(m.joinedAt, locale, timeZone),
    isYou: m.userId === ctx.userId,
  }));
  const invitationRows: InvitationRow[] = invitations.map((i) => ({
    id: i.id,
    email: i.email,
    role: i.role,
    expires: formatDate(i.expiresAt, locale, timeZone),
  }));

  return (
    <>
      <PageHeader title="Members" description={`Everyone who can sign in to ${ctx.org.name}, and what their role lets them do.`} />
      <div className="space-y-6">
        {canManage ? (
          <AddMemberForm orgSlug={ctx.org.slug} />
        ) : (
          <Alert tone="info">Only admins can add, remove or change the role of members.</Alert>
        )}
        <Card>
          <CardHeader title="Team" description={`${members.length} ${members.length === 1 ? "member" : "members"}`} />
          <MembersTable orgSlug={ctx.org.slug} orgName={ctx.org.name} members={memberRows} canManage={canManage} />
        </Card>
        {canManage ? <PendingInvitations orgSlug={ctx.org.slug} invitations={invitationRows} /> : null}
      </div>
    </>
  );
}
