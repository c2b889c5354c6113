import type { ReactNode } from "react";

import { AppShell } from "@/components/shell/app-shell";
import { RememberOrg } from "@/components/shell/remember-org";
import { getPageTenant } from "@/server/page-context";
import { listMyOrganizations } from "@/server/tenant";

type OrgLayoutProps = { children: ReactNode; params: Promise<{ org: string }> };

/** Resolves the tenant once per request (pages reuse the cached context) and renders the shell. */
export default async function OrgLayout({ children, params }: OrgLayoutProps) {
  const { org: slug } = await params;
  const ctx = await getPageTenant(slug);
  // The tenant query has checked the session already.
  const orgs = await listMyOrganizations({ userId: ctx.userId }, ctx.db);
  const current = { slug: ctx.org.slug, name: ctx.org.name, role: ctx.role };

  return (
    <AppShell current={current} orgs={orgs} user={{ name: ctx.userName, email: ctx.userEmail }} role={ctx.role}>
      <RememberOrg slug={ctx.org.slug} />
      {children}
    </AppShell>
  );
}
