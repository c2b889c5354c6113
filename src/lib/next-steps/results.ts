/**
 * What the next-step server actions answer with (src/actions/next-steps.ts): only what a page
 * needs to update itself, never the re-rendered page (the caller refreshes if it wants the rest).
 * Plain serialisable shapes: dates travel as ISO strings.
 */

/** A pending next step as the pages show it after a change. */
export type PlannedNextStep = {
  id: string;
  type: "call" | "email" | "meeting" | "task";
  details: string;
  /** ISO instant. */
  dueAt: string;
  ownerId: string;
  ownerName: string;
};

/** What "complete & plan next" answers with. */
export type CompletionResult = {
  /** The next step that was completed. */
  actionId: string;
  dealId: string;
  /** "open" when a next step was planned; "won"/"lost" when the deal was closed instead. */
  status: "open" | "won" | "lost";
  /** The planned next step's id (also next.id); null when the deal was closed. */
  nextActionId: string | null;
  next: PlannedNextStep | null;
};

/** What snoozing answers with: the next step and its new due time. */
export type SnoozeResult = { actionId: string; dealId: string; dueAt: string };
