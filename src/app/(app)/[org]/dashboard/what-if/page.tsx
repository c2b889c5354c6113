import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { BaselineExplainer } from "@/components/what-if/baseline-explainer";
import { WhatIfSimulator } from "@/components/what-if/what-if-simulator";
import { can } from "@/lib/permissions";
import { getWhatIfBaselineCached } from "@/server/data/what-if-baseline";
import { getPageTenant } from "@/server/page-context";

export const metadata: Metadata = { title: "What-if simulator" };

type WhatIfPageProps = { params: Promise<{ org: string }> };

/** Projected won revenue from the org's own history, recomputed in the browser as the levers move. */
export default async function WhatIfPage({ params }: WhatIfPageProps) {
  const { org: slug } = await params;
  const ctx = await getPageTenant(slug, "dashboard.view");
  const [baseline, now] = [await getWhatIfBaselineCached(ctx), new Date()];
  const { currency, locale, timeZone } = ctx.org;
  const ownDealsOnly = !can(ctx.role, "deals.viewAll");

  return (
    <>
      <PageHeader
        title="What-if simulator"
        description={`What the next 3, 6 and 12 months of won revenue would become if the basket, the lead volume, the cycle or a stage's win rate changed. The baseline is ${ownDealsOnly ? "your own" : "your team's"} history; nothing you try here is saved.`}
        actions={
          <Link href={`/${slug}/dashboard`} className={buttonClasses("secondary")}>
            <ArrowLeft aria-hidden className="size-4" />
            Dashboard
          </Link>
        }
      />
      {baseline.empty ? (
        <Alert tone="info" title="Nothing to project yet">
          The simulator starts from {ownDealsOnly ? "your own deals" : "your team's deals"}: there are none open and none created in the
          last 12 months.{" "}
          <Link href={`/${slug}/deals/new`} className="font-medium underline underline-offset-2">
            Create a deal
          </Link>
        </Alert>
      ) : (
        <WhatIfSimulator baseline={baseline} currency={currency} locale={locale} timeZone={timeZone} generatedAt={now.toISOString()}>
          <BaselineExplainer baseline={baseline} currency={currency} locale={locale} ownDealsOnly={ownDealsOnly} />
        </WhatIfSimulator>
      )}
    </>
  );
}
