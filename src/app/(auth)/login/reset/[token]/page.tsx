import { KeyRound } from "lucide-react";
import type { Metadata } from "next";

import { DeadLinkCard, LinkPageHeading } from "@/components/auth/link-page";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { isPlausibleLinkToken } from "@/lib/link-token";
import { databaseContext } from "@/server/data/context";
import { unsafeFindPasswordReset } from "@/server/data/password-resets";

export const metadata: Metadata = { title: "Set a new password", robots: { index: false } };

type ResetPageProps = { params: Promise<{ token: string }> };

/** Public (under /login, which the proxy lets through): the token in the URL is the credential. */
export default async function ResetPasswordPage({ params }: ResetPageProps) {
  const { token } = await params;
  const reset = isPlausibleLinkToken(token) ? await unsafeFindPasswordReset(databaseContext(), { token }) : undefined;

  if (!reset) {
    return (
      <DeadLinkCard icon={KeyRound} title="This reset link does not work">
        It may have expired or been used already. Ask an admin of your organization for a new one.
      </DeadLinkCard>
    );
  }

  return (
    <div className="space-y-6">
      <LinkPageHeading title="Set a new password">
        For {reset.name}. You will be signed out everywhere else, and signed in here with the new password.
      </LinkPageHeading>
      <ResetPasswordForm token={token} email={reset.email} />
    </div>
  );
}
