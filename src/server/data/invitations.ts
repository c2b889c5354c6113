import "server-only";

import { and, eq, gt, isNull, sql } from "drizzle-orm";

import { invitations, memberships, organizations, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { ConflictError, ForbiddenError, NotFoundError } from "@/server/errors";

import { type DbContext, inTransaction } from "./context";
import { hashToken } from "./members";

/**
 * Invitation lookups by token are unscoped by design: the token is the credential, and the
 * invitee is not yet a member of any org.
 */
export type FindInvitationParams = { token: string; /** The signed-in user viewing the link, if any. */ viewerId?: string | null };

export async function unsafeFindInvitation({ db }: DbContext, { token, viewerId }: FindInvitationParams) {
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      orgId: invitations.orgId,
      orgName: organizations.name,
      orgSlug: organizations.slug,
      // Whether the page is viewed by the invited account itself (never whether the email has an
      // account: the inviting admin holds the link too).
      viewerIsInvitee: viewerId
        ? sql<boolean>`exists (select 1 from ${users} where ${users.id} = ${viewerId} and ${users.email} = ${invitations.email})`
        : sql<boolean>`false`,
    })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.orgId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)));
  return row;
}

export type AcceptInvitationParams = { token: string; name: string; password: string };

export async function unsafeAcceptInvitation({ db }: DbContext, input: AcceptInvitationParams) {
  const passwordHash = await hashPassword(input.password);
  return inTransaction({ db }, async ({ db: tx }) => {
    const inv = await lockInvitation({ db: tx }, input);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, inv.email));
    if (existing) throw new ConflictError("An account with this email already exists. Sign in to accept the invitation.");
    const [user] = await tx.insert(users).values({ email: inv.email, name: input.name, passwordHash }).returning({ id: users.id });
    return { email: inv.email, orgSlug: await join({ db: tx }, inv, user!.id) };
  });
}

/**
 * `userId` is the signed-in account; without it, the account of the invitation's email, which the
 * caller has just signed in with that email's password. Either way the account's email must be
 * the invited one: a link forwarded to someone else does not let them in.
 */
export type JoinInvitationParams = { token: string; userId?: string };

export async function unsafeJoinInvitation({ db }: DbContext, { token, userId }: JoinInvitationParams) {
  return inTransaction({ db }, async ({ db: tx }) => {
    const inv = await lockInvitation({ db: tx }, { token });
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(userId ? eq(users.id, userId) : eq(users.email, inv.email));
    if (user?.email !== inv.email) throw new ForbiddenError(`This invitation is for ${inv.email}. Sign in with that account to accept it.`);
    return { orgSlug: await join({ db: tx }, inv, user.id) };
  });
}

async function lockInvitation({ db }: DbContext, { token }: { token: string }) {
  const [inv] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
    .for("update");
  if (!inv) throw new NotFoundError("This invitation");
  return inv;
}

/** Adds the membership (kept as it is if they joined meanwhile) and uses up the invitation. */
async function join({ db }: DbContext, inv: typeof invitations.$inferSelect, userId: string): Promise<string> {
  await db.insert(memberships).values({ orgId: inv.orgId, userId, role: inv.role }).onConflictDoNothing();
  await db.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, inv.id));
  const [org] = await db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, inv.orgId));
  return org!.slug;
}
