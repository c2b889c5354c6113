import { CircleCheckBig, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/shell/page-header";
import { buildQueueSections, sharedOwner } from "@/components/today/build-view";
import { RepFilter } from "@/components/today/rep-filter";
import { TodayQueue } from "@/components/today/today-queue";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/permissions";
import { dealFiltersToQuery, DEFAULT_DEAL_FILTERS } from "@/lib/schemas/deal-filters";
import { listMembers } from "@/server/data/members";
import { listLossReasons } from "@/server/data/stages";
import { listTodayQueue } from "@/server/data/today-queue";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "Today" };

type TodayPageProps = { params: Promise<{ org: string }>; searchParams: Promise<{ rep?: string | string[] }> };

/** The rep's home: overdue, due today and the next 7 days, in the org's time zone. Leads can filter by rep. */
export default async function TodayPage({ params, searchParams }: TodayPageProps) {
  const [{ org: slug }, query] = await Promise.all([params, searchParams]);
  const ctx = await getPageTenant(slug);
  const isLead = can(ctx.role, "deals.viewAll");
  const members = isLead ? await listMembers(ctx) : [];
  const requested = isLead && typeof query.rep === "string" ? query.rep : "";
  // An unknown ?rep (stale link, removed member) falls back to everyone, with a note, rather than an error page.
  const repFilter = members.some((m) => m.userId === requested) ? requested : "";
  const [queue, lossReasons] = await Promise.all([listTodayQueue(ctx, { ownerId: repFilter || null }), listLossReasons(ctx)]);

  const org = { slug: ctx.org.slug, locale: ctx.org.locale, timeZone: ctx.org.timeZone, currency: ctx.org.currency };
  // "And N more" opens the deals list sorted by due time (filtered to overdue for that bucket).
  const moreHref = (bucket: string) =>
    `/${slug}/deals?${dealFiltersToQuery(DEFAULT_DEAL_FILTERS, { overdue: bucket === "overdue", sort: "due", dir: "asc", ownerId: isLead ? queue.ownerId : null })}`;
  const { sections, owner: rowOwner } = sharedOwner(buildQueueSections(queue, org, moreHref));
  const filteredName = members.find((m) => m.userId === repFilter)?.name;
  const dateLine = new Intl.DateTimeFormat(ctx.org.locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: ctx.org.timeZone,
  }).format(queue.now);

  return (
    <>
      <PageHeader
        title="Today"
        description={`${dateLine} · ${ctx.org.timeZone.replaceAll("_", " ")} time · ${
          !isLead ? "your next actions" : filteredName ? `${filteredName}'s next actions` : "everyone's next actions"
        }`}
        actions={
          isLead ? (
            <RepFilter
              orgSlug={slug}
              value={repFilter}
              members={members.map((m) => ({ id: m.userId, name: m.name, isYou: m.userId === ctx.userId }))}
            />
          ) : null
        }
      />
      {requested && !repFilter ? (
        <Alert tone="info" className="mb-6">
          That person is not a member of {ctx.org.name}; showing everyone instead.
        </Alert>
      ) : null}
      <TodayQueue
        org={org}
        sections={sections}
        rowOwner={rowOwner}
        scope={{ ownerId: queue.ownerId, limit: queue.limit }}
        lossReasons={lossReasons.filter((r) => r.active).map((r) => ({ id: r.id, label: r.label }))}
        assignees={isLead ? members.map((m) => ({ id: m.userId, name: m.name, role: m.role })) : []}
        showOwner={isLead && !repFilter}
        emptyState={
          <Card className="px-6 py-12 text-center">
            <CircleCheckBig aria-hidden className="mx-auto mb-3 size-10 text-emerald-500" />
            <h2 className="text-lg font-semibold text-zinc-900 dark:text-zinc-100">
              {filteredName && repFilter !== ctx.userId
                ? `${filteredName} is clear for the next 7 days`
                : "You're clear for the next 7 days"}
            </h2>
            <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
              No next action is overdue or due this week. Start something new while it is quiet.
            </p>
            <Link href={`/${slug}/deals/new`} className={buttonClasses("primary", "md", "mt-5")}>
              <Plus aria-hidden className="size-4" />
              Create a deal
            </Link>
          </Card>
        }
      />
    </>
  );
}
