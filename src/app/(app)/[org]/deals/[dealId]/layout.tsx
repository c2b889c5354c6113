import type { ReactNode } from "react";

import { getPageDeal } from "@/server/page-records";

type DealLayoutProps = { children: ReactNode; params: Promise<{ org: string; dealId: string }> };

/**
 * Looks the deal up before the page's loading.tsx can start the stream, so a missing or foreign
 * deal answers HTTP 404 (deals/not-found.tsx draws it); the rest of the page still streams behind
 * its skeleton. The page reads the same cached lookup.
 */
export default async function DealLayout({ children, params }: DealLayoutProps) {
  const { org, dealId } = await params;
  await getPageDeal(org, dealId);
  return children;
}
