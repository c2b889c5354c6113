import { LinkIcon } from "lucide-react";
import type { Metadata } from "next";

import { InvitationForms } from "@/components/auth/invitation-forms";
import { DeadLinkCard, LinkPageHeading } from "@/components/auth/link-page";
import { isPlausibleLinkToken } from "@/lib/link-token";
import { ROLE_LABELS } from "@/lib/permissions";
import { currentVerifiedActor } from "@/server/actor";
import { databaseContext } from "@/server/data/context";
import { unsafeFindInvitation } from "@/server/data/invitations";

export const metadata: Metadata = { title: "Join your team", robots: { index: false } };

type InvitePageProps = { params: Promise<{ token: string }> };

/** Public: the token in the URL is the credential (the proxy lets /invite through without a session). */
export default async function InvitePage({ params }: InvitePageProps) {
  const { token } = await params;
  const viewerId = (await currentVerifiedActor())?.userId;
  const invitation = isPlausibleLinkToken(token) ? await unsafeFindInvitation(databaseContext(), { token, viewerId }) : undefined;

  if (!invitation) {
    return (
      <DeadLinkCard icon={LinkIcon} title="This invitation link does not work">
        It may have expired, been used already, or been revoked. Ask an admin of the organization to send you a new invitation.
      </DeadLinkCard>
    );
  }

  return (
    <div className="space-y-6">
      <LinkPageHeading title={`Join ${invitation.orgName}`}>
        You have been invited as <span className="font-medium text-zinc-800 dark:text-zinc-200">{ROLE_LABELS[invitation.role]}</span>.
        {invitation.viewerIsInvitee
          ? " Join with the account you are signed in with."
          : " Choose your name and a password, or sign in if you already use Momentum."}
      </LinkPageHeading>
      <InvitationForms token={token} email={invitation.email} orgName={invitation.orgName} signedInAsInvitee={invitation.viewerIsInvitee} />
    </div>
  );
}
