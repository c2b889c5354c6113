import type { Metadata } from "next";

import { NewDealForm } from "@/components/deals/new-deal-form";
import { PageHeader } from "@/components/shell/page-header";
import { can } from "@/lib/permissions";
import { listSectors } from "@/server/data/deal-list";
import { listMembers } from "@/server/data/members";
import { listStages } from "@/server/data/stages";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "New deal" };

type NewDealPageProps = { params: Promise<{ org: string }> };

export default async function NewDealPage({ params }: NewDealPageProps) {
  const { org: slug } = await params;
  const ctx = await getPageTenant(slug, "deals.create");
  const leads = can(ctx.role, "deals.viewAll");
  const [stages, members, sectors] = await Promise.all([
    listStages(ctx),
    leads ? listMembers(ctx) : Promise.resolve(null),
    listSectors(ctx),
  ]);

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="New deal"
        description="A deal starts with its first next step, so it is in someone's queue from the first minute."
      />
      <NewDealForm
        orgSlug={ctx.org.slug}
        org={{ currency: ctx.org.currency, locale: ctx.org.locale, timeZone: ctx.org.timeZone }}
        stages={stages.filter((s) => s.kind === "open").map((s) => ({ id: s.id, name: s.name, probability: s.probability }))}
        owners={members?.map((m) => ({ id: m.userId, name: m.name })) ?? null}
        me={{ id: ctx.userId, name: ctx.userName }}
        sectors={sectors}
      />
    </div>
  );
}
