import type { TransactionSql } from "postgres";

import { getSql } from "../../../src/db/client";

/**
 * Makes a race real: holds `lock` (a SELECT … FOR UPDATE of the contended rows) in a transaction
 * of its own, starts every racer, waits until that many backends of this database are blocked on a
 * lock with a query like `waitingQuery` (an ILIKE pattern), and only then releases. Without it,
 * two "concurrent" calls may simply run one after the other and a broken lock would still pass.
 */
export async function raceOnHeldLock<T>(options: {
  lock: (tx: TransactionSql) => Promise<unknown>;
  waitingQuery: string;
  racers: (() => Promise<T>)[];
}): Promise<T[]> {
  const sql = getSql();
  const release = deferred();
  const holding = deferred();
  const gate = sql.begin(async (tx) => {
    await options.lock(tx);
    holding.resolve();
    await release.promise;
  });
  await holding.promise;
  const running = options.racers.map((racer) => racer());
  try {
    await waitFor(async () => {
      const [row] = await sql`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query ilike ${options.waitingQuery}`;
      return row!.n === options.racers.length;
    });
  } finally {
    release.resolve();
    await gate;
  }
  return Promise.all(running);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting for every racer to block on the held lock");
    await new Promise((r) => setTimeout(r, 20));
  }
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
