import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";

import { toBoardView } from "@/components/board/board-view-model";
import { OwnerFilter } from "@/components/board/owner-filter";
import { PipelineBoard } from "@/components/board/pipeline-board";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/permissions";
import { getBoard } from "@/server/data/board";
import { listMembers } from "@/server/data/members";
import { listLossReasons } from "@/server/data/stages";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "Pipeline" };

type PipelinePageProps = { params: Promise<{ org: string }>; searchParams: Promise<{ owner?: string | string[] }> };

const ownerParam = z.uuid();

export default async function PipelinePage({ params, searchParams }: PipelinePageProps) {
  const [{ org: slug }, { owner }] = await Promise.all([params, searchParams]);
  const ctx = await getPageTenant(slug);
  const viewAll = can(ctx.role, "deals.viewAll");
  // Reps always see their own deals; a malformed ?owner= is ignored rather than an error page.
  const ownerId = viewAll ? (ownerParam.safeParse(owner).data ?? null) : null;
  const [board, reasons, members] = await Promise.all([
    getBoard(ctx, { ownerId }),
    listLossReasons(ctx),
    viewAll ? listMembers(ctx) : Promise.resolve([]),
  ]);
  const { columns } = toBoardView(board, ctx.org, { showOwner: viewAll && !ownerId });
  const openDeals = board.columns.reduce((n, c) => n + c.count, 0);
  const ownerName = ownerId ? members.find((m) => m.userId === ownerId)?.name : undefined;

  return (
    <>
      <PageHeader
        title="Pipeline"
        description={
          viewAll
            ? "Open deals by stage. Drag a card to another stage, or onto Won or Lost to close it."
            : "Your open deals by stage. Drag a card to another stage, or onto Won or Lost to close it."
        }
        actions={viewAll ? <OwnerFilter owners={members.map((m) => ({ id: m.userId, name: m.name }))} value={ownerId} /> : null}
      />
      {openDeals === 0 ? (
        <Alert tone="info" className="mb-4" title={ownerId ? `${ownerName ?? "This person"} has no open deals.` : "No open deals yet."}>
          {ownerId ? (
            <Link href={`/${ctx.org.slug}/pipeline`} className="font-medium underline underline-offset-2">
              Show everyone’s deals
            </Link>
          ) : (
            <>
              Deals you create appear here in their stage, each with its next step.{" "}
              <Link href={`/${ctx.org.slug}/deals`} className="font-medium underline underline-offset-2">
                Go to deals
              </Link>
            </>
          )}
        </Alert>
      ) : null}
      <PipelineBoard
        orgSlug={ctx.org.slug}
        locale={ctx.org.locale}
        columns={columns}
        won={board.won}
        lost={board.lost}
        lossReasons={reasons.filter((r) => r.active).map((r) => ({ id: r.id, label: r.label }))}
      />
    </>
  );
}
