import "server-only";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";

import { can, type Permission, ROLE_LABELS } from "@/lib/permissions";
import { type ActionResult, fail, ok, validationFailure } from "@/lib/result";

import { currentActor, currentVerifiedActor, isExplicitActor } from "./actor";
import { recordOrgDataChanged } from "./data-changes";
import { AppError, constraintOf, isSerializationFailure, isUniqueViolation } from "./errors";
import { resolveTenant, type TenantContext } from "./tenant";

/**
 * Every mutation is built here: session → org membership → permission → zod → handler → one
 * result shape. scripts/check-actions.ts fails CI on any 'use server' export built otherwise.
 */
type OrgActionDef<S extends z.ZodType, R> = {
  permission: Permission;
  input: S;
  handler: (ctx: TenantContext, input: z.output<S>) => Promise<R>;
  /** Paths (relative to /[org]) whose server-rendered data this action changes. */
  revalidate?: string[] | ((input: z.output<S>, result: R) => string[]);
};

export function orgAction<S extends z.ZodType, R>(def: OrgActionDef<S, R>) {
  return async function action(orgSlug: string, rawInput: z.input<S>): Promise<ActionResult<R>> {
    return guard(async () => {
      const actor = await currentActor();
      if (!actor) return fail("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
      if (typeof orgSlug !== "string") return fail("NOT_FOUND", "Organization was not found.");
      const ctx = await resolveTenant(actor, orgSlug);
      if (!can(ctx.role, def.permission)) {
        return fail("FORBIDDEN", `Your role (${ROLE_LABELS[ctx.role]}) is not allowed to do that.`);
      }
      const parsed = def.input.safeParse(rawInput);
      if (!parsed.success) return validationFailure(parsed.error.issues);
      const data = await def.handler(ctx, parsed.data);
      await recordOrgDataChanged(ctx.db, ctx.orgId);
      const paths = typeof def.revalidate === "function" ? def.revalidate(parsed.data, data) : def.revalidate;
      revalidate(paths?.map((p) => `/${ctx.org.slug}${p}`));
      return ok(data);
    });
  };
}

type PublicActionDef<S extends z.ZodType, R> = {
  input: S;
  handler: (input: z.output<S>) => Promise<R | ActionResult<R>>;
};

/** For the few actions that run before anyone is signed in (sign-in, accepting an invitation). */
export function publicAction<S extends z.ZodType, R>(def: PublicActionDef<S, R>) {
  return async function action(rawInput: z.input<S>): Promise<ActionResult<R>> {
    return guard(async () => {
      const parsed = def.input.safeParse(rawInput);
      if (!parsed.success) return validationFailure(parsed.error.issues);
      const out = await def.handler(parsed.data);
      return isResult<R>(out) ? out : ok(out);
    });
  };
}

type UserActionDef<S extends z.ZodType, R> = {
  input: S;
  handler: (actor: { userId: string }, input: z.output<S>) => Promise<R>;
};

/**
 * Signed in, but not inside one org (e.g. the profile). No tenant query checks the session's
 * version here, so it is checked by a query of its own.
 */
export function userAction<S extends z.ZodType, R>(def: UserActionDef<S, R>) {
  return async function action(rawInput: z.input<S>): Promise<ActionResult<R>> {
    return guard(async () => {
      const actor = await currentVerifiedActor();
      if (!actor) return fail("UNAUTHENTICATED", "Your session has ended. Please sign in again.");
      const parsed = def.input.safeParse(rawInput);
      if (!parsed.success) return validationFailure(parsed.error.issues);
      return ok(await def.handler(actor, parsed.data));
    });
  };
}

function isResult<R>(value: unknown): value is ActionResult<R> {
  return typeof value === "object" && value !== null && "ok" in value && typeof (value as { ok: unknown }).ok === "boolean";
}

/** Friendly messages for the database constraints that guard our invariants. */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  memberships_last_admin: "An organization must keep at least one admin.",
  deals_require_next_action: "Every open deal needs a next action: plan one before saving.",
  closed_deals_have_no_pending_action: "A won or lost deal cannot have a pending action.",
  deals_closed_locked: "This deal is closed. Reopen it to make changes.",
  actions_one_pending_per_deal: "This deal already has a pending next action.",
  actions_completed_immutable: "Completed actions are history and cannot change.",
  deals_lost_has_reason: "Choose why the deal was lost.",
};

async function guard<R>(fn: () => Promise<ActionResult<R>>): Promise<ActionResult<R>> {
  try {
    return await fn();
  } catch (err) {
    // redirect(), notFound() and Next's other control-flow errors must reach Next untouched.
    unstable_rethrow(err);
    if (err instanceof AppError) return fail(err.code, err.message, err.fieldErrors);
    const constraint = constraintOf(err);
    if (constraint && CONSTRAINT_MESSAGES[constraint]) return fail("CONFLICT", CONSTRAINT_MESSAGES[constraint]);
    if (isUniqueViolation(err)) return fail("CONFLICT", "That already exists.");
    if (isSerializationFailure(err)) return fail("CONFLICT", "Someone else changed this at the same time. Please try again.");
    console.error("[action] unexpected error", err);
    return fail("INTERNAL", "Something went wrong on our side. Nothing was saved; please try again.");
  }
}

function revalidate(paths: string[] | undefined) {
  // Outside a request (jobs, scripts, tests run through runAs) there is no render cache to refresh.
  if (!paths?.length || isExplicitActor()) return;
  for (const p of paths) revalidatePath(p, "layout");
}
