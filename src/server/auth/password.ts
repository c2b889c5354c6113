import "server-only";

import bcrypt from "bcryptjs";

const COST = 11;
// Compared against when the email is unknown, so a miss takes as long as a wrong password.
const DUMMY_HASH = "$2b$11$92vYSjOPqVB.2./u0VjitOGvpbRFzfC//TzPvseH59LqYS7qWK2py";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && hash !== undefined;
}
