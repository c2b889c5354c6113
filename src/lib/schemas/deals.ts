import { z } from "zod";

import { calendarDate, instant, moneyAmount, safeText } from "./primitives";

export const ACTION_TYPES = ["call", "email", "meeting", "task"] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export const ACTION_TYPE_LABELS: Record<ActionType, string> = { call: "Call", email: "Email", meeting: "Meeting", task: "Task" };

const uuid = (what: string) => z.uuid({ error: `Choose a ${what}` });
const optionalText = (max: number, label: string) =>
  safeText({ max: [max, `${label} is too long`] })
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

/** A due time sent as an ISO instant; the client converts the org-zone wall time before sending. */
const dueAt = instant("Choose when it is due");

export const nextActionSchema = z.object({
  type: z.enum(ACTION_TYPES, { error: "Choose what kind of action" }),
  dueAt: dueAt.refine((d) => d.getTime() > Date.now() - 60_000, "The next action must be due in the future"),
  details: safeText({ min: [1, "Say what the next step is"], max: [2000, "Keep it under 2000 characters"] }),
  /** Defaults to the deal's owner. */
  ownerId: uuid("person").optional().nullable(),
});
export type NextActionInput = z.output<typeof nextActionSchema>;

const moneyField = moneyAmount();

export const dealFieldsSchema = z.object({
  title: safeText({ min: [1, "Give the deal a title"], max: [200, "Keep the title under 200 characters"] }),
  contactName: safeText({ min: [1, "Who is the deal with?"], max: [200, "Keep the name under 200 characters"] }),
  value: moneyField,
  stageId: uuid("stage"),
  ownerId: uuid("owner").optional().nullable(),
  probability: z.coerce.number().int("Use a whole percentage").min(0).max(100, "0–100 %").optional().nullable(),
  sector: optionalText(80, "Sector"),
  source: optionalText(80, "Source"),
  expectedCloseDate: calendarDate
    .optional()
    .nullable()
    .or(z.literal("").transform(() => null)),
});

export const createDealSchema = dealFieldsSchema.extend({ firstAction: nextActionSchema });
export type CreateDealInput = z.input<typeof createDealSchema>;

export const updateDealSchema = z.object({
  dealId: uuid("deal"),
  patch: dealFieldsSchema.omit({ stageId: true }).partial(),
});

const closeLost = z.object({
  then: z.literal("lost"),
  lossReasonId: uuid("loss reason"),
  lossNote: optionalText(1000, "The note"),
});
const closeWon = z.object({ then: z.literal("won") });
const planNext = z.object({ then: z.literal("next"), next: nextActionSchema });

export const completeNextStepSchema = z.object({
  actionId: uuid("action"),
  outcome: safeText({ min: [1, "Write down what happened"], max: [2000, "Keep it under 2000 characters"] }),
  followUp: z.discriminatedUnion("then", [planNext, closeWon, closeLost], { error: "Plan the next action or close the deal" }),
});
export type CompleteNextStepInput = z.input<typeof completeNextStepSchema>;

export const snoozeNextStepSchema = z.object({
  actionId: uuid("action"),
  dueAt: dueAt.refine((d) => d.getTime() > Date.now() - 60_000, "Snooze to a time in the future"),
  reason: safeText({ min: [1, "Say why it moves"], max: [500, "Keep it under 500 characters"] }),
});

export const moveDealSchema = z.object({
  dealId: uuid("deal"),
  stageId: uuid("stage"),
  /** Neighbours in the target column after the drop, for the Kanban position. */
  beforeId: uuid("deal").optional().nullable(),
  afterId: uuid("deal").optional().nullable(),
  lossReasonId: uuid("loss reason").optional().nullable(),
  lossNote: optionalText(1000, "The note"),
});

export const closeDealSchema = z.discriminatedUnion("outcome", [
  z.object({ dealId: uuid("deal"), outcome: z.literal("won"), note: optionalText(2000, "The note") }),
  z.object({
    dealId: uuid("deal"),
    outcome: z.literal("lost"),
    lossReasonId: z.uuid({ error: "Choose why the deal was lost" }),
    lossNote: optionalText(1000, "The note"),
  }),
]);

export type CloseDealInput = z.input<typeof closeDealSchema>;

export const reopenDealSchema = z.object({ dealId: uuid("deal"), stageId: uuid("stage"), nextAction: nextActionSchema });
export const deleteDealSchema = z.object({ dealId: uuid("deal") });
