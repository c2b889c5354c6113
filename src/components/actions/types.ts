/**
 * What the action dialogs need, in plain serialisable shapes: server pages build these from the
 * data layer and pass them to client components (dates travel as ISO strings).
 */
export type ActionForCompletion = {
  id: string;
  type: "call" | "email" | "meeting" | "task";
  details: string;
  /** ISO instant. */
  dueAt: string;
  ownerId: string;
  ownerName: string;
  deal: { id: string; title: string; contactName: string };
};

/** The org's display settings: money and dates are shown in its locale, currency and time zone. */
export type OrgDisplay = { slug: string; locale: string; timeZone: string; currency: string };

/** A member who may be given a next step; the role decides on which deals (see eligibleNextStepOwners). */
export type Assignee = { id: string; name: string; role: "admin" | "manager" | "rep" };

/** A pending action as the dialogs' callers need it after a change (dates as ISO strings). */
export type PlannedAction = Omit<ActionForCompletion, "deal">;

/**
 * What "complete & plan next" answers with: only what the page needs to update itself, never the
 * re-rendered page (the caller refreshes in the background if it wants the rest).
 */
export type CompletionResult = {
  /** The action that was completed. */
  actionId: string;
  dealId: string;
  /** "open" when a next action was planned; "won"/"lost" when the deal was closed instead. */
  status: "open" | "won" | "lost";
  /** The planned next action's id (also next.id); null when the deal was closed. */
  nextActionId: string | null;
  next: PlannedAction | null;
};

/** What snoozing answers with: the action and its new due time. */
export type SnoozeResult = { actionId: string; dealId: string; dueAt: string };
