import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { CreateOrganizationButton } from "@/components/shell/create-organization-button";
import { LAST_ORG_COOKIE } from "@/components/shell/last-org-cookie";
import { Logo } from "@/components/shell/logo";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Card, CardBody } from "@/components/ui/card";
import { getPageOrganizations } from "@/server/page-context";

export const metadata: Metadata = { title: "Welcome" };

/** "/" after sign-in: straight into the org last worked in (else the first), or a way out when there is none. */
export default async function LandingPage() {
  const orgs = await getPageOrganizations();
  const last = (await cookies()).get(LAST_ORG_COOKIE)?.value;
  const landing = orgs.find((o) => o.slug === last) ?? orgs[0];
  if (landing) redirect(`/${landing.slug}/today`);

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-zinc-50 px-4 py-12 dark:bg-zinc-950">
      <div className="w-full max-w-md">
        <div className="mb-8 flex justify-center">
          <Logo />
        </div>
        <Card>
          <CardBody className="space-y-4 p-6 text-center">
            <div className="mx-auto flex size-11 items-center justify-center rounded-full bg-brand-50 text-brand-600 dark:bg-brand-950 dark:text-brand-300">
              <Building2 aria-hidden className="size-5" />
            </div>
            <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">You are not in an organization yet</h1>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              Momentum works inside organizations. Ask an admin of your team to send you an invitation link for the email you signed in
              with, or start an organization of your own.
            </p>
            <CreateOrganizationButton />
            <SignOutButton />
          </CardBody>
        </Card>
      </div>
    </main>
  );
}
