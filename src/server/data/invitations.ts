import "server-only";

import { and, eq, gt, isNull, sql } from "drizzle-orm";

import { invitations, memberships, organizations, users } from "@/db/schema";
import { hashPassword } from "@/server/auth/password";
import { ConflictError, NotFoundError } from "@/server/errors";

import { type DbContext, inTransaction } from "./context";
import { hashToken } from "./members";

/**
 * Invitation lookups by token are unscoped by design: the token is the credential, and the
 * invitee is not yet a member of any org.
 */
export type FindInvitationParams = { token: string };

export async function unsafeFindInvitation({ db }: DbContext, { token }: FindInvitationParams) {
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      orgId: invitations.orgId,
      orgName: organizations.name,
      orgSlug: organizations.slug,
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
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.tokenHash, hashToken(input.token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, sql`now()`)))
      .for("update");
    if (!inv) throw new NotFoundError("This invitation");
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, inv.email));
    if (existing) throw new ConflictError("An account with this email already exists. Sign in and ask an admin to add you.");
    const [user] = await tx.insert(users).values({ email: inv.email, name: input.name, passwordHash }).returning({ id: users.id });
    await tx.insert(memberships).values({ orgId: inv.orgId, userId: user!.id, role: inv.role });
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, inv.id));
    const [org] = await tx.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, inv.orgId));
    return { email: inv.email, orgSlug: org!.slug };
  });
}
