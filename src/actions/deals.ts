"use server";

import {
  closeDealSchema,
  createDealSchema,
  deleteDealSchema,
  moveDealSchema,
  reopenDealSchema,
  updateDealSchema,
} from "@/lib/schemas/deals";
import { orgAction } from "@/server/action-factory";
import { closeDeal, moveDeal, reopenDeal } from "@/server/data/deal-transitions";
import { createDeal, deleteDeal, restoreDeal, updateDeal } from "@/server/data/deals";

/*
 * No `revalidate` in this file, on purpose: revalidating makes Next re-render the whole current
 * page inside the action's response (the deal page ~48 KB per inline edit, the board ~160 KB per
 * drag). Each action answers with its small result only; the caller shows the change at once and
 * reconciles in the background with router.refresh() in the same transition:
 * - the board keeps its optimistic move (counts and totals are derived in the browser) and
 *   refreshes once no move is in flight (components/board/pipeline-board.tsx);
 * - the deal page keeps the edited value, with the field's spinner, until the refreshed page
 *   (summary, timeline) lands; the close/reopen dialogs close together with it (components/deal);
 * - create, delete and restore navigate to a page that is read fresh.
 * Derived-data caches still hear of every change through the action factory.
 */

export const createDealAction = orgAction({
  permission: "deals.create",
  input: createDealSchema,
  handler: (ctx, input) => createDeal(ctx, input),
});

export const updateDealAction = orgAction({
  permission: "deals.update",
  input: updateDealSchema,
  handler: (ctx, input) => updateDeal(ctx, input),
});

export const moveDealAction = orgAction({
  permission: "deals.update",
  input: moveDealSchema,
  handler: (ctx, input) => moveDeal(ctx, input),
});

export const closeDealAction = orgAction({
  permission: "deals.update",
  input: closeDealSchema,
  handler: (ctx, input) => closeDeal(ctx, input),
});

export const reopenDealAction = orgAction({
  permission: "deals.reopen",
  input: reopenDealSchema,
  handler: (ctx, input) => reopenDeal(ctx, input),
});

export const deleteDealAction = orgAction({
  permission: "deals.delete",
  input: deleteDealSchema,
  handler: (ctx, { dealId }) => deleteDeal(ctx, { dealId }),
});

export const restoreDealAction = orgAction({
  permission: "deals.delete",
  input: deleteDealSchema,
  handler: (ctx, { dealId }) => restoreDeal(ctx, { dealId }),
});
