"use client";

import { KeyRound } from "lucide-react";
import { useState } from "react";

import { issuePasswordResetAction } from "@/actions/members";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent } from "@/components/ui/dialog";

import { OneTimeLink } from "./invitation-link";
import type { MemberRow } from "./members-table";

/**
 * An admin issues a one-time link for a member to set a new password (until outgoing email exists,
 * the admin passes it on). The link is shown once, in a dialog of its own after the confirmation.
 */
export function PasswordResetButton({ orgSlug, member }: { orgSlug: string; member: MemberRow }) {
  const [url, setUrl] = useState<string | null>(null);
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Reset the password of ${member.name}`}
            icon={<KeyRound aria-hidden className="size-4" />}
          >
            <span className="hidden sm:inline">Reset password</span>
          </Button>
        }
        title={`Reset the password of ${member.name}?`}
        description={`You get a link to pass on to ${member.email}. Whoever opens it sets a new password, and every session of the account ends. It works once and expires in 24 hours.`}
        confirmLabel="Create reset link"
        action={() => issuePasswordResetAction(orgSlug, { userId: member.userId })}
        onSuccess={({ token }) => setUrl(`${window.location.origin}/login/reset/${token}`)}
      />
      <Dialog open={url !== null} onOpenChange={(open) => (open ? undefined : setUrl(null))}>
        <DialogContent title={`Password reset link for ${member.name}`}>
          {url ? (
            <OneTimeLink
              title="Send this link to them yourself"
              description="It is shown only now."
              label="Password reset link"
              testId="password-reset-link"
              url={url}
              onDismiss={() => setUrl(null)}
            />
          ) : null}
        </DialogContent>
      </Dialog>
    </>
  );
}
