import "server-only";

import { notFound } from "next/navigation";
import { cache } from "react";

import { getDeal } from "./data/deals";
import { AppError } from "./errors";
import { getPageTenant } from "./page-context";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A deal page's deal, read once per request (the record's layout, its page and its metadata share
 * it). A malformed, deleted, foreign or hidden id is notFound(). The deal's layout calls it, above
 * the page's loading.tsx: once a loading fallback has streamed, the status is fixed at 200 and a
 * not-found can only be drawn, no longer answered with a 404.
 */
export const getPageDeal = cache(async (slug: string, dealId: string) => {
  const ctx = await getPageTenant(slug);
  if (!UUID.test(dealId)) notFound();
  try {
    return { ctx, deal: await getDeal(ctx, { dealId }) };
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
});
