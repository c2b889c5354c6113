import "server-only";

import { hash, verify } from "@node-rs/bcrypt";

const COST = 11;
// Compared against when the email is unknown, so a miss takes as long as a wrong password.
const DUMMY_HASH = "$2b$11$92vYSjOPqVB.2./u0VjitOGvpbRFzfC//TzPvseH59LqYS7qWK2py";

/**
 * Hashing runs in libuv's thread pool (a native bcrypt), not on the thread that renders pages. At
 * most this many run at once per process: the pool has 4 threads and Next needs some of them for
 * gzip and file reads, so a sign-in flood must not occupy them all; the rest wait their turn here.
 */
const MAX_PARALLEL_HASHES = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function inHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // The slot passes straight to the next waiter, so `running` only drops when nobody waits.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export function hashPassword(password: string): Promise<string> {
  return inHashSlot(() => hash(password, COST));
}

/** Verifies $2a$ and $2b$ hashes alike (the seeds' and older accounts' were made by bcryptjs). */
export async function verifyPassword(password: string, passwordHash: string | undefined): Promise<boolean> {
  const ok = await inHashSlot(() => verify(password, passwordHash ?? DUMMY_HASH));
  return ok && passwordHash !== undefined;
}
