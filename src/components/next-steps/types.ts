import type { PlannedNextStep } from "@/lib/next-steps/results";

/**
 * What the next-step dialogs need, in plain serialisable shapes: server pages build these from the
 * data layer and pass them to client components (dates travel as ISO strings).
 */
export type NextStepForCompletion = PlannedNextStep & { deal: { id: string; title: string; contactName: string } };

/** The org's display settings: money and dates are shown in its locale, currency and time zone. */
export type OrgDisplay = { slug: string; locale: string; timeZone: string; currency: string };

/** A member who may be given a next step; the role decides on which deals (see eligibleNextStepOwners). */
export type Assignee = { id: string; name: string; role: "admin" | "manager" | "rep" };
