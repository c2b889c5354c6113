import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { ClosedDealNotice } from "@/components/deals/closed-deal-notice";
import { DealActionsBar } from "@/components/deals/deal-actions-bar";
import { DealDetails } from "@/components/deals/deal-details";
import { DealSummary } from "@/components/deals/deal-summary";
import { DealTimeline } from "@/components/deals/deal-timeline";
import { ReopenDealDialog } from "@/components/deals/reopen-deal-dialog";
import { TimeInStage } from "@/components/deals/time-in-stage";
import type { DealOrg, DealView } from "@/components/deals/types";
import { PendingNextStepPanel } from "@/components/next-steps/pending-next-step-panel";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/permissions";
import { getDealTimeline, getTimeInStages, TIMELINE_MAX_LIMIT } from "@/server/data/deal-timeline";
import { getPendingNextStep } from "@/server/data/deals";
import { listMembers } from "@/server/data/members";
import { listLossReasons, listStages } from "@/server/data/stages";
import { getPageDeal } from "@/server/page-records";

type DealPageProps = { params: Promise<{ org: string; dealId: string }>; searchParams: Promise<{ history?: string }> };

const TIMELINE_STEP = 100;

export async function generateMetadata({ params }: DealPageProps): Promise<Metadata> {
  const { org, dealId } = await params;
  const { deal } = await getPageDeal(org, dealId);
  return { title: deal.title };
}

export default async function DealPage({ params, searchParams }: DealPageProps) {
  const { org: slug, dealId } = await params;
  const { ctx, deal } = await getPageDeal(slug, dealId);
  const requested = Number((await searchParams).history);
  const limit = Number.isFinite(requested) ? Math.min(Math.max(TIMELINE_STEP, Math.floor(requested)), TIMELINE_MAX_LIMIT) : TIMELINE_STEP;
  const isOpen = deal.status === "open";
  const leads = can(ctx.role, "deals.viewAll");

  const [pending, stages, lossReasons, members, timeline, stageTimes] = await Promise.all([
    isOpen ? getPendingNextStep(ctx, { dealId }) : Promise.resolve(null),
    listStages(ctx),
    listLossReasons(ctx),
    leads ? listMembers(ctx) : Promise.resolve([]),
    getDealTimeline(ctx, { dealId, limit }),
    getTimeInStages(ctx, { dealId }),
  ]);

  const org: DealOrg = { slug: ctx.org.slug, locale: ctx.org.locale, timeZone: ctx.org.timeZone, currency: ctx.org.currency };
  const people = members.map((m) => ({ id: m.userId, name: m.name, role: m.role }));
  const activeReasons = lossReasons.filter((r) => r.active).map((r) => ({ id: r.id, label: r.label }));
  const stageOptions = stages.map((s) => ({ id: s.id, name: s.name, kind: s.kind, probability: s.probability }));
  const openStages = stageOptions.filter((s) => s.kind === "open");
  // Reopen defaults to the open stage the deal was in last (most recently entered).
  const lastOpen = stageTimes.filter((t) => t.kind === "open").sort((a, b) => b.lastEnteredAt.getTime() - a.lastEnteredAt.getTime())[0];
  const view: DealView = {
    id: deal.id,
    title: deal.title,
    contactName: deal.contactName,
    valueMinor: deal.valueMinor,
    ownerId: deal.ownerId,
    ownerName: deal.ownerName,
    probability: deal.probability,
    sector: deal.sector,
    source: deal.source,
    expectedCloseDate: deal.expectedCloseDate,
    currency: deal.currency,
    stageId: deal.stageId,
    stageName: deal.stageName,
    stageKind: deal.stageKind,
    stageProbability: deal.stageProbability,
  };
  const moreHref = timeline.nextCursor && limit < TIMELINE_MAX_LIMIT ? `/${slug}/deals/${dealId}?history=${limit + TIMELINE_STEP}` : null;

  return (
    <>
      <Link
        href={`/${slug}/deals`}
        className="mb-3 inline-flex items-center gap-1 rounded text-sm font-medium text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
      >
        <ArrowLeft aria-hidden className="size-4" />
        Deals
      </Link>
      <PageHeader
        title={deal.title}
        description={deal.contactName}
        actions={
          <DealActionsBar
            org={org}
            deal={{ id: deal.id, title: deal.title, stageId: deal.stageId, open: isOpen }}
            stages={stageOptions}
            lossReasons={activeReasons}
            canDelete={can(ctx.role, "deals.delete")}
          />
        }
      />
      <DealSummary deal={deal} org={org} now={new Date()} />

      {/* Mobile reads top to bottom: next step, details, time in stage, then the (long) timeline. */}
      <div className="grid items-start gap-6 lg:grid-cols-3 lg:grid-rows-[auto_1fr]">
        <section aria-label="Next step" className="lg:col-span-2">
          {isOpen && pending ? (
            <PendingNextStepPanel
              org={org}
              step={{
                id: pending.id,
                type: pending.type,
                details: pending.details,
                dueAt: pending.dueAt.toISOString(),
                ownerId: pending.ownerId,
                ownerName: pending.ownerName,
                deal: { id: deal.id, title: deal.title, contactName: deal.contactName },
              }}
              lossReasons={activeReasons}
              assignees={people}
            />
          ) : isOpen ? (
            // The database guarantees a pending action for open deals; this only shows if that ever broke.
            <Alert tone="error">This deal has no next action. Reload the page; if it persists, tell your admin.</Alert>
          ) : (
            <ClosedDealNotice
              deal={deal}
              org={org}
              reopen={
                can(ctx.role, "deals.reopen") ? (
                  <ReopenDealDialog
                    org={org}
                    dealId={deal.id}
                    dealTitle={deal.title}
                    stages={openStages}
                    defaultStageId={lastOpen?.stageId ?? openStages[0]?.id ?? ""}
                  />
                ) : null
              }
            />
          )}
        </section>
        <div className="space-y-6 lg:col-start-3 lg:row-span-2 lg:row-start-1">
          <DealDetails org={org} deal={view} editable={isOpen} canReassign={leads} people={people} />
          <TimeInStage stages={stageTimes} />
        </div>
        <div className="lg:col-span-2">
          <DealTimeline entries={timeline.entries} org={org} moreHref={moreHref} />
          {timeline.nextCursor && !moreHref ? (
            <p className="mt-2 text-center text-xs text-zinc-500 dark:text-zinc-400">Showing the latest {limit} entries.</p>
          ) : null}
        </div>
      </div>
    </>
  );
}
