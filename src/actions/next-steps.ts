"use server";

import type { CompletionResult, SnoozeResult } from "@/lib/next-steps/results";
import { completeNextStepSchema, snoozeNextStepSchema } from "@/lib/schemas/deals";
import { orgAction } from "@/server/action-factory";
import { completeNextStep, snoozeNextStep } from "@/server/data/next-steps";

/*
 * No `revalidate` here, on purpose: revalidating makes Next re-render the whole current page (the
 * Today queue is ~130 KiB and ~15 ms of CPU) inside the action's response, ten times the cost of
 * the transaction itself. These actions answer with their result only; the Today queue updates
 * itself from it at once and reconciles with router.refresh() in the background, and the deal
 * page refreshes after success (src/components/next-steps, src/components/today).
 */

export const completeNextStepAction = orgAction({
  permission: "actions.complete",
  input: completeNextStepSchema,
  handler: async (ctx, input): Promise<CompletionResult> => {
    const done = await completeNextStep(ctx, input);
    return {
      actionId: done.actionId,
      dealId: done.dealId,
      status: done.status,
      nextActionId: done.nextActionId,
      next: done.next && { ...done.next, dueAt: done.next.dueAt.toISOString() },
    };
  },
});

export const snoozeNextStepAction = orgAction({
  permission: "actions.complete",
  input: snoozeNextStepSchema,
  handler: async (ctx, input): Promise<SnoozeResult> => {
    const done = await snoozeNextStep(ctx, input);
    return { actionId: done.actionId, dealId: done.dealId, dueAt: done.dueAt.toISOString() };
  },
});
