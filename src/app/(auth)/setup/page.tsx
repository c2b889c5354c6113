import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { LinkPageHeading } from "@/components/auth/link-page";
import { SetupForm } from "@/components/auth/setup-form";
import { regionalOptions } from "@/components/settings/org-display";
import { isPlausibleLinkToken } from "@/lib/link-token";
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
  if (!isPlausibleLinkToken(token) || !(await unsafeIsSetupOpen(databaseContext(), { token }))) notFound();

  return (
    <div className="space-y-6">
      <LinkPageHeading title="Set up Momentum">
        Create your organization and its first admin. Everyone else joins by invitation from the members settings.
      </LinkPageHeading>
      <SetupForm token={token} {...regionalOptions()} />
    </div>
  );
}
