"use server";

import { completeActionSchema, snoozeActionSchema } from "@/lib/schemas/deals";
import { orgAction } from "@/server/action-factory";
import { completeAction, snoozeAction } from "@/server/data/next-actions";

export const completeActionAction = orgAction({
  permission: "actions.complete",
  input: completeActionSchema,
  handler: (ctx, input) => completeAction(ctx, input),
  revalidate: ["/"],
});

export const snoozeActionAction = orgAction({
  permission: "actions.complete",
  input: snoozeActionSchema,
  handler: (ctx, input) => snoozeAction(ctx, input),
  revalidate: ["/"],
});
