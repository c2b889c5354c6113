import { LinkIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { InvitationForms } from "@/components/auth/invitation-forms";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/permissions";
import { currentVerifiedActor } from "@/server/actor";
import { databaseContext } from "@/server/data/context";
import { unsafeFindInvitation } from "@/server/data/invitations";

export const metadata: Metadata = { title: "Join your team", robots: { index: false } };

type InvitePageProps = { params: Promise<{ token: string }> };

/** Public: the token in the URL is the credential (the proxy lets /invite through without a session). */
export default async function InvitePage({ params }: InvitePageProps) {
  const { token } = await params;
  // Tokens are base64url of 24 bytes; anything far outside that shape cannot match, so skip the query.
  const viewerId = (await currentVerifiedActor())?.userId;
  const invitation =
    token.length >= 20 && token.length <= 100 ? await unsafeFindInvitation(databaseContext(), { token, viewerId }) : undefined;

  if (!invitation) {
    return (
      <Card>
        <CardBody className="space-y-4 p-6 text-center">
          <div className="mx-auto flex size-11 items-center justify-center rounded-full bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400">
            <LinkIcon aria-hidden className="size-5" />
          </div>
          <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">This invitation link does not work</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            It may have expired, been used already, or been revoked. Ask an admin of the organization to send you a new invitation.
          </p>
          <Link href="/login" className={buttonClasses("secondary", "md", "w-full")}>
            Go to sign in
          </Link>
        </CardBody>
      </Card>
    );
  }

  return (
    <div className="space-y-6">
      <div className="space-y-1 text-center">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Join {invitation.orgName}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          You have been invited as <span className="font-medium text-zinc-800 dark:text-zinc-200">{ROLE_LABELS[invitation.role]}</span>.
          {invitation.viewerIsInvitee
            ? " Join with the account you are signed in with."
            : " Choose your name and a password, or sign in if you already use Momentum."}
        </p>
      </div>
      <InvitationForms token={token} email={invitation.email} orgName={invitation.orgName} signedInAsInvitee={invitation.viewerIsInvitee} />
    </div>
  );
}
