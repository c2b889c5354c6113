import type { Metadata } from "next";

import { StageEditor } from "@/components/pipeline-settings/stage-editor";
import { StageTable } from "@/components/pipeline-settings/stage-table";
import type { StageView } from "@/components/pipeline-settings/types";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { suggestedFirstStep } from "@/lib/import/first-steps";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { countDealsPerStage } from "@/server/data/board";
import { listStages } from "@/server/data/stages";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "Pipeline stages" };

type PipelineSettingsPageProps = { params: Promise<{ org: string }> };

export default async function PipelineSettingsPage({ params }: PipelineSettingsPageProps) {
  const { org: slug } = await params;
  const ctx = await getPageTenant(slug);
  const canConfigure = can(ctx.role, "pipeline.configure");
  const [stages, counts] = await Promise.all([listStages(ctx), countDealsPerStage(ctx)]);
  const views: StageView[] = stages.map((s) => ({
    id: s.id,
    name: s.name,
    probability: s.probability,
    staleAfterDays: s.staleAfterDays,
    kind: s.kind,
    dealCount: counts.get(s.id) ?? 0,
    firstStep: s.kind === "open" ? (s.firstStep ?? suggestedFirstStep(s.name, ctx.org.locale) ?? "") : undefined,
  }));

  return (
    <>
      <PageHeader
        title="Pipeline stages"
        description="The stages every deal moves through, their win probability, and after how many quiet days a deal is flagged as stale."
      />
      {canConfigure ? (
        <StageEditor
          orgSlug={ctx.org.slug}
          openStages={views.filter((s) => s.kind === "open")}
          closingStages={views.filter((s) => s.kind !== "open")}
        />
      ) : (
        <div className="space-y-6">
          <Alert tone="info" live={false}>
            Only admins can change the pipeline. Your role here is {ROLE_LABELS[ctx.role]}.
          </Alert>
          <StageTable stages={views} countLabel={can(ctx.role, "deals.viewAll") ? "Deals" : "Your deals"} />
        </div>
      )}
    </>
  );
}
