"use client";

import { useState } from "react";

import { AcceptInvitationForm } from "./accept-invitation-form";
import { JoinInvitationForm } from "./join-invitation-form";

type InvitationFormsProps = { token: string; email: string; orgName: string; signedInAsInvitee: boolean };

/**
 * A new account or an existing one, chosen by the invitee: the page never looks up whether the
 * address has an account, since whoever holds the link (the inviting admin too) would learn it.
 */
export function InvitationForms({ token, email, orgName, signedInAsInvitee }: InvitationFormsProps) {
  const [existing, setExisting] = useState(signedInAsInvitee);
  return existing ? (
    <JoinInvitationForm
      token={token}
      email={email}
      orgName={orgName}
      signedIn={signedInAsInvitee}
      onNewAccount={signedInAsInvitee ? undefined : () => setExisting(false)}
    />
  ) : (
    <AcceptInvitationForm token={token} email={email} onUseAccount={() => setExisting(true)} />
  );
}
