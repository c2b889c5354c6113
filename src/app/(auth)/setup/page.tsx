import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { SetupForm } from "@/components/auth/setup-form";
import { regionalOptions } from "@/components/settings/org-display";
import { databaseContext } from "@/server/data/context";
import { unsafeIsSetupOpen } from "@/server/data/setup";

export const metadata: Metadata = { title: "Set up Momentum", robots: { index: false } };

type SetupPageProps = { searchParams: Promise<{ token?: string | string[] }> };

/**
 * The first run (the proxy lets /setup through without a session). Only through the one-time link
 * the server printed at start, and only while no user exists: otherwise it is not found (404), so
 * a server exposed before its setup tells a stranger nothing.
 */
export default async function SetupPage({ searchParams }: SetupPageProps) {
  const { token } = await searchParams;
  // Tokens are base64url of 32 bytes; anything far outside that shape cannot match, so skip the query.
  const plausible = typeof token === "string" && token.length >= 20 && token.length <= 100;
  if (!plausible || !(await unsafeIsSetupOpen(databaseContext(), { token }))) notFound();

  return (
    <div className="space-y-6">
      <div className="space-y-1 text-center">
        <h1 className="text-xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Set up Momentum</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Create your organization and its first admin. Everyone else joins by invitation from the members settings.
        </p>
      </div>
      <SetupForm token={token} {...regionalOptions()} />
    </div>
  );
}
