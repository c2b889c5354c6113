"use server";

import { closeDealSchema, createDealSchema, deleteDealSchema, moveDealSchema, reopenDealSchema, updateDealSchema } from "@/lib/schemas/deals";
import { orgAction } from "@/server/action-factory";
import { closeDeal, moveDeal, reopenDeal } from "@/server/data/deal-transitions";
import { createDeal, deleteDeal, restoreDeal, updateDeal } from "@/server/data/deals";

// Everything a deal change can show up in: the queue, the list, the board, the deal page, the dashboard.
const DEAL_VIEWS = ["/"];

// No revalidate: the form navigates to the new deal's page (read fresh), and revalidating would
// re-render the form page it is leaving inside the action's response.
export const createDealAction = orgAction({
  permission: "deals.create",
  input: createDealSchema,
  handler: (ctx, input) => createDeal(ctx, input),
});

export const updateDealAction = orgAction({
  permission: "deals.update",
  input: updateDealSchema,
  handler: (ctx, input) => updateDeal(ctx, input.dealId, input.patch),
  revalidate: DEAL_VIEWS,
});

export const moveDealAction = orgAction({
  permission: "deals.update",
  input: moveDealSchema,
  handler: (ctx, { dealId, ...move }) => moveDeal(ctx, dealId, move),
  revalidate: DEAL_VIEWS,
});

export const closeDealAction = orgAction({
  permission: "deals.update",
  input: closeDealSchema,
  handler: (ctx, { dealId, ...close }) => closeDeal(ctx, dealId, close),
  revalidate: DEAL_VIEWS,
});

export const reopenDealAction = orgAction({
  permission: "deals.reopen",
  input: reopenDealSchema,
  handler: (ctx, { dealId, ...input }) => reopenDeal(ctx, dealId, input),
  revalidate: DEAL_VIEWS,
});

export const deleteDealAction = orgAction({
  permission: "deals.delete",
  input: deleteDealSchema,
  handler: (ctx, { dealId }) => deleteDeal(ctx, dealId),
  revalidate: DEAL_VIEWS,
});

export const restoreDealAction = orgAction({
  permission: "deals.delete",
  input: deleteDealSchema,
  handler: (ctx, { dealId }) => restoreDeal(ctx, dealId),
  revalidate: DEAL_VIEWS,
});
