import "server-only";

import { eq, sql } from "drizzle-orm";

import { users } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/server/auth/password";
import { NotFoundError, ValidationError } from "@/server/errors";

import { inTransaction, type UserContext } from "./context";
import { unsafeEndSessions } from "./sessions";

/** The signed-in user's own account: no org involved, so no tenant (the user comes from a checked session). */
export type Profile = { name: string; email: string };

export async function getProfile(ctx: UserContext): Promise<Profile> {
  const [row] = await ctx.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, ctx.userId));
  if (!row) throw new NotFoundError("Your account");
  return row;
}

/** `email` arrives normalised (emailSchema); it must be no other account's. */
export type UpdateProfileParams = Profile;

export async function updateProfile(ctx: UserContext, { name, email }: UpdateProfileParams): Promise<Profile> {
  return inTransaction(ctx, async (txCtx) => {
    // Checked first so the refusal lands on the field; the unique index settles a race.
    const [taken] = await txCtx.db
      .select({ id: users.id })
      .from(users)
      .where(sql`${users.email} = ${email} and ${users.id} <> ${ctx.userId}`);
    if (taken) throw new ValidationError("That email address cannot be used.", { email: ["Another account uses this email"] });
    const [row] = await txCtx.db
      .update(users)
      .set({ name, email })
      .where(eq(users.id, ctx.userId))
      .returning({ name: users.name, email: users.email });
    if (!row) throw new NotFoundError("Your account");
    return row;
  });
}

export type ChangePasswordParams = { currentPassword: string; newPassword: string };

/**
 * Sets a new password and ends every session of the account (a password change is what someone
 * does who fears their session was taken). Returns what the caller needs to sign this browser in
 * again: the email and the new session version.
 */
export async function changePassword(ctx: UserContext, { currentPassword, newPassword }: ChangePasswordParams) {
  return inTransaction(ctx, async (txCtx) => {
    // Locked: two changes at once must not both check the old password and both win.
    const [user] = await txCtx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, ctx.userId)).for("update");
    if (!user) throw new NotFoundError("Your account");
    if (!(await verifyPassword(currentPassword, user.passwordHash))) {
      throw new ValidationError("Your current password is not right.", { currentPassword: ["Wrong password"] });
    }
    const [row] = await txCtx.db
      .update(users)
      .set({ passwordHash: await hashPassword(newPassword) })
      .where(eq(users.id, ctx.userId))
      .returning({ email: users.email });
    const sessionVersion = await unsafeEndSessions(txCtx, { userId: ctx.userId });
    return { email: row!.email, sessionVersion: sessionVersion! };
  });
}
