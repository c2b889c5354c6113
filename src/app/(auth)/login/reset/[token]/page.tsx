import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { databaseContext } from "@/server/data/context";
import { unsafeFindPasswordReset } from "@/server/data/password-resets";

export const metadata: Metadata = { title: "Set a new password", robots: { index: false } };

type ResetPageProps = { params: Promise<{ token: string }> };

/** Public (under /login, which the proxy lets through): the token in the URL is the credential. */
export default async function ResetPasswordPage({ params }: ResetPageProps) {
  const { token } = await params;
  // Tokens are base64url of 24 bytes; anything far outside that shape cannot match, so skip the query.
  const reset = token.length >= 20 && token.length <= 100 ? await unsafeFindPasswordReset(databaseContext(), { token }) : undefined;

  if (!reset) {
    return (
      <Card>
        <CardBody className="space-y-4 p-6 text-center">
          <div className="mx-auto flex size-11 items-center justify-center rounded-full bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400">
            <KeyRound aria-hidden className="size-5" />
          </div>
          <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">This reset link does not work</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            It may have expired or been used already. Ask an admin of your organization for a new one.
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
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Set a new password</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          For {reset.name}. You will be signed out everywhere else, and signed in here with the new password.
        </p>
      </div>
      <ResetPasswordForm token={token} email={reset.email} />
    </div>
  );
}
