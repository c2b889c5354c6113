import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { getDb, type Tx } from "@/db/client";
import { createOrgWithTeam } from "@/db/seed/factories";
import { violatedConstraint } from "@tests/integration/support/fixtures";

// The statement-level paths of drizzle/0010: multi-row INSERTs of deals and actions record their deal
// ids once per statement and are checked as a set at commit. Raw SQL on purpose: the database must
// refuse whatever the application code does.

type Team = Awaited<ReturnType<typeof createOrgWithTeam>>;

async function setup() {
  const team = await createOrgWithTeam(getDb());
  const stages = await getDb().execute<{ id: string; kind: string; name: string }>(
    sql`select id, kind, name from pipeline_stages where org_id = ${team.org.id} order by position`,
  );
  const [reason] = await getDb().execute<{ id: string }>(sql`select id from loss_reasons where org_id = ${team.org.id} limit 1`);
  const open = stages.find((s) => s.kind === "open")!;
  const won = stages.find((s) => s.kind === "won")!;
  const lost = stages.find((s) => s.kind === "lost")!;
  return { team, open, won, lost, lossReasonId: reason!.id };
}

/** `n` deals in `stageId` by one INSERT … SELECT, titled `${prefix} 1…n`; returns their ids in title order. */
async function insertDeals(tx: Tx, team: Team, stageId: string, n: number, prefix: string, lossReasonId: string | null = null) {
  const rows = await tx.execute<{ id: string }>(sql`
    insert into deals (org_id, title, contact_name, owner_id, value_minor, currency, stage_id, probability, loss_reason_id, created_by)
    select ${team.org.id}, ${prefix} || ' ' || i, 'Client ' || i, ${team.rep.id}, 1000 * i, 'DKK', ${stageId}, 10, ${lossReasonId}, ${team.rep.id}
      from generate_series(1, ${n}) i
    returning id`);
  return rows.map((r) => r.id);
}

/** One pending action per deal id, by one INSERT … SELECT. */
async function insertPendingActions(tx: Tx, team: Team, dealIds: string[]) {
  await tx.execute(sql`
    insert into actions (org_id, deal_id, owner_id, type, due_at, details)
    select ${team.org.id}, d, ${team.rep.id}, 'call', now() + interval '1 day', 'Call'
      from unnest(${`{${dealIds.join(",")}}`}::uuid[]) d`);
}

const queueSize = async () => (await getDb().execute<{ n: number }>(sql`select count(*)::int as n from deal_next_action_checks`))[0]!.n;

describe("multi-row writes and the next-action invariant (drizzle/0010)", () => {
  it("commits a multi-row insert of open deals when a later statement gives each its pending action", async () => {
    const { team, open } = await setup();
    const ids = await getDb().transaction(async (tx) => {
      const ids = await insertDeals(tx, team, open.id, 50, "Bulk");
      await insertPendingActions(tx, team, ids);
      return ids;
    });
    const [row] = await getDb().execute<{ deals: number; pending: number }>(sql`
      select count(distinct d.id)::int as deals, count(a.id)::int as pending
        from deals d left join actions a on a.org_id = d.org_id and a.deal_id = d.id and a.completed_at is null
       where d.id = any(${`{${ids.join(",")}}`}::uuid[])`);
    expect(row).toEqual({ deals: 50, pending: 50 });
    expect(await queueSize()).toBe(0); // no check row outlives its transaction
  });

  it("refuses to commit when one open deal of a multi-row insert is left without a pending action", async () => {
    const { team, open } = await setup();
    const attempt = getDb().transaction(async (tx) => {
      const ids = await insertDeals(tx, team, open.id, 50, "Bulk");
      await insertPendingActions(tx, team, ids.slice(0, 49));
    });
    expect(await violatedConstraint(attempt)).toBe("deals_require_next_action");
    const [left] = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from deals where org_id = ${team.org.id}`);
    expect(left!.n).toBe(0);
  });

  it("refuses a multi-row insert of pending actions when one of their deals is won", async () => {
    const { team, open, won } = await setup();
    const attempt = getDb().transaction(async (tx) => {
      const openIds = await insertDeals(tx, team, open.id, 10, "Open");
      const [wonId] = await insertDeals(tx, team, won.id, 1, "Won");
      await insertPendingActions(tx, team, [...openIds, wonId!]);
    });
    expect(await violatedConstraint(attempt)).toBe("closed_deals_have_no_pending_action");
  });

  it("checks deals and actions inserted together by one statement (the import's shape)", async () => {
    const { team, open } = await setup();
    const write = (withActions: number) =>
      getDb().transaction(async (tx) => {
        await tx.execute(sql`
          with d as (
            insert into deals (org_id, title, contact_name, owner_id, currency, stage_id, probability, created_by)
            select ${team.org.id}, 'One statement ' || i, 'Client', ${team.rep.id}, 'DKK', ${open.id}, 10, ${team.rep.id}
              from generate_series(1, 20) i
            returning id, title)
          insert into actions (org_id, deal_id, owner_id, type, due_at, details)
          select ${team.org.id}, d.id, ${team.rep.id}, 'task', now(), 'Qualify' from d
           order by d.title limit ${withActions}`);
      });
    expect(await violatedConstraint(write(19))).toBe("deals_require_next_action");
    await write(20);
  });

  it("cannot be switched off by emptying or editing the check rows before COMMIT", async () => {
    const { team, open } = await setup();
    const deleted = getDb().transaction(async (tx) => {
      await insertDeals(tx, team, open.id, 5, "Sneaky");
      await tx.execute(sql`delete from deal_next_action_checks`);
    });
    expect(await violatedConstraint(deleted)).toBe("deals_require_next_action");
    const edited = getDb().transaction(async (tx) => {
      await insertDeals(tx, team, open.id, 5, "Sneaky");
      await tx.execute(sql`update deal_next_action_checks set deal_ids = '{}'`);
    });
    expect(await violatedConstraint(edited)).toBe("deals_require_next_action");
  });

  it("checks at SET CONSTRAINTS … IMMEDIATE, and again at commit for what follows", async () => {
    const { team, open } = await setup();
    await getDb().transaction(async (tx) => {
      const ids = await insertDeals(tx, team, open.id, 3, "Early");
      await insertPendingActions(tx, team, ids);
      await tx.execute(sql`set constraints deals_require_next_action immediate`);
      await tx.execute(sql`set constraints deals_require_next_action deferred`);
    });
    const immediate = getDb().transaction(async (tx) => {
      await insertDeals(tx, team, open.id, 3, "Early");
      await tx.execute(sql`set constraints all immediate`);
    });
    expect(await violatedConstraint(immediate)).toBe("deals_require_next_action");
    const later = getDb().transaction(async (tx) => {
      const ids = await insertDeals(tx, team, open.id, 3, "Late");
      await insertPendingActions(tx, team, ids);
      await tx.execute(sql`set constraints all immediate`);
      await tx.execute(sql`set constraints all deferred`);
      await insertDeals(tx, team, open.id, 2, "After the check");
    });
    expect(await violatedConstraint(later)).toBe("deals_require_next_action");
  });

  it("forgets the checks of a rolled-back savepoint, and keeps those of a released one", async () => {
    const { team, open } = await setup();
    await getDb().transaction(async (tx) => {
      await tx.execute(sql`savepoint s`);
      await insertDeals(tx, team, open.id, 4, "Rolled back");
      await tx.execute(sql`rollback to savepoint s`);
    });
    const released = getDb().transaction(async (tx) => {
      await tx.execute(sql`savepoint s`);
      await insertDeals(tx, team, open.id, 4, "Released");
      await tx.execute(sql`release savepoint s`);
    });
    expect(await violatedConstraint(released)).toBe("deals_require_next_action");
    expect(await queueSize()).toBe(0);
  });

  it("lets a closed deal get a pending action only if it is reopened before commit", async () => {
    const { team, open, won } = await setup();
    const stillWon = getDb().transaction(async (tx) => {
      const [id] = await insertDeals(tx, team, won.id, 1, "Closed");
      await insertPendingActions(tx, team, [id!]);
    });
    expect(await violatedConstraint(stillWon)).toBe("closed_deals_have_no_pending_action");
    await getDb().transaction(async (tx) => {
      const [id] = await insertDeals(tx, team, won.id, 1, "Reopened");
      await insertPendingActions(tx, team, [id!]);
      await tx.execute(sql`update deals set stage_id = ${open.id} where id = ${id!}`);
    });
  });

  it("refuses moving a deal to a won stage by its stage alone while its action is pending (0004 let it through)", async () => {
    const { team, open, won } = await setup();
    const [id] = await getDb().transaction(async (tx) => {
      const ids = await insertDeals(tx, team, open.id, 1, "Winning");
      await insertPendingActions(tx, team, ids);
      return ids;
    });
    const attempt = getDb().execute(sql`update deals set stage_id = ${won.id} where id = ${id!}`);
    expect(await violatedConstraint(attempt)).toBe("closed_deals_have_no_pending_action");
    // Closing it properly (its pending action completed in the same transaction) commits.
    await getDb().transaction(async (tx) => {
      await tx.execute(
        sql`update actions set completed_at = now(), completed_by = ${team.rep.id} where deal_id = ${id!} and completed_at is null`,
      );
      await tx.execute(sql`update deals set stage_id = ${won.id} where id = ${id!}`);
    });
  });

  it("still checks row by row what UPDATE and DELETE change, and lets harmless edits through", async () => {
    const { team, open } = await setup();
    const ids = await getDb().transaction(async (tx) => {
      const ids = await insertDeals(tx, team, open.id, 3, "Edited");
      await insertPendingActions(tx, team, ids);
      return ids;
    });
    const list = `{${ids.join(",")}}`;
    // Snooze, reassign, retitle, reorder: nothing the invariant depends on.
    await getDb().transaction(async (tx) => {
      await tx.execute(
        sql`update actions set due_at = due_at + interval '1 day', owner_id = ${team.rep2.id} where deal_id = any(${list}::uuid[])`,
      );
      await tx.execute(sql`update deals set title = title || ' (edited)', position = position + 1 where id = any(${list}::uuid[])`);
    });
    const deleted = getDb().execute(sql`delete from actions where deal_id = ${ids[0]!}`);
    expect(await violatedConstraint(deleted)).toBe("deals_require_next_action");
    const completed = getDb().execute(
      sql`update actions set completed_at = now(), completed_by = ${team.rep.id} where deal_id = any(${list}::uuid[])`,
    );
    expect(await violatedConstraint(completed)).toBe("deals_require_next_action");
    // Soft-deleting the deals releases them from the rule.
    await getDb().execute(sql`update deals set deleted_at = now() where id = any(${list}::uuid[])`);
    await getDb().execute(sql`delete from actions where deal_id = any(${list}::uuid[])`);
  });

  it("refuses pending actions pointing at another org's deal (composite foreign key)", async () => {
    const { team, open } = await setup();
    const other = await createOrgWithTeam(getDb());
    const ids = await getDb().transaction(async (tx) => {
      const ids = await insertDeals(tx, team, open.id, 1, "Mine");
      await insertPendingActions(tx, team, ids);
      return ids;
    });
    const attempt = getDb().execute(sql`
      insert into actions (org_id, deal_id, owner_id, type, due_at, details)
      values (${other.org.id}, ${ids[0]!}, ${other.rep.id}, 'call', now(), 'Not yours')`);
    expect(await violatedConstraint(attempt)).toBe("actions_deal_fk");
  });
});

describe("multi-row writes and the stage rules", () => {
  it("derives status, probability and close time from the stage for every row of one insert", async () => {
    const { team, open, won, lost, lossReasonId } = await setup();
    await getDb().transaction(async (tx) => {
      const openIds = await insertDeals(tx, team, open.id, 3, "Open");
      await insertPendingActions(tx, team, openIds);
      await insertDeals(tx, team, won.id, 3, "Won");
      await insertDeals(tx, team, lost.id, 3, "Lost", lossReasonId);
    });
    const rows = await getDb().execute<{ kind: string; status: string; probability: number; closed: boolean; n: number }>(sql`
      select s.kind::text as kind, d.status::text as status, d.probability, d.closed_at is not null as closed, count(*)::int as n
        from deals d join pipeline_stages s on s.org_id = d.org_id and s.id = d.stage_id
       where d.org_id = ${team.org.id}
       group by 1, 2, 3, 4 order by 1`);
    expect(rows).toEqual([
      { kind: "lost", status: "lost", probability: 0, closed: true, n: 3 },
      { kind: "open", status: "open", probability: 10, closed: false, n: 3 },
      { kind: "won", status: "won", probability: 100, closed: true, n: 3 },
    ]);
  });

  it("writes one current stage-history row per deal of a multi-row insert, with the actor, else the creator", async () => {
    const { team, open } = await setup();
    const [withActor, withoutActor] = await getDb().transaction(async (tx) => {
      await tx.execute(sql`select set_config('momentum.actor_id', ${team.manager.id}, true)`);
      const a = await insertDeals(tx, team, open.id, 30, "By manager");
      await tx.execute(sql`select set_config('momentum.actor_id', '', true)`);
      const b = await insertDeals(tx, team, open.id, 30, "By creator");
      await insertPendingActions(tx, team, [...a, ...b]);
      return [a, b];
    });
    const history = await getDb().execute<{
      deal_id: string;
      stage_id: string;
      changed_by: string;
      current: boolean;
      at_creation: boolean;
    }>(sql`
      select h.deal_id, h.stage_id, h.changed_by, h.exited_at is null as current, h.entered_at = d.created_at as at_creation
        from deal_stage_history h join deals d on d.org_id = h.org_id and d.id = h.deal_id
       where h.org_id = ${team.org.id}`);
    expect(history).toHaveLength(60);
    expect(history.every((h) => h.stage_id === open.id && h.current && h.at_creation)).toBe(true);
    const by = new Map(history.map((h) => [h.deal_id, h.changed_by]));
    expect(withActor.every((id) => by.get(id) === team.manager.id)).toBe(true);
    expect(withoutActor.every((id) => by.get(id) === team.rep.id)).toBe(true);
  });

  it("closes the current stay and opens the next when a multi-row update moves deals", async () => {
    const { team, open } = await setup();
    const [, next] = (
      await getDb().execute<{ id: string }>(sql`
      select id from pipeline_stages where org_id = ${team.org.id} and kind = 'open' order by position`)
    ).map((r) => r.id);
    const ids = await getDb().transaction(async (tx) => {
      const ids = await insertDeals(tx, team, open.id, 10, "Moving");
      await insertPendingActions(tx, team, ids);
      return ids;
    });
    await getDb().execute(sql`update deals set stage_id = ${next!} where id = any(${`{${ids.join(",")}}`}::uuid[])`);
    const [counts] = await getDb().execute<{ rows: number; current_next: number; closed_first: number }>(sql`
      select count(*)::int as rows,
             count(*) filter (where exited_at is null and stage_id = ${next!})::int as current_next,
             count(*) filter (where exited_at is not null and stage_id = ${open.id})::int as closed_first
        from deal_stage_history where org_id = ${team.org.id}`);
    expect(counts).toEqual({ rows: 20, current_next: 10, closed_first: 10 });
  });
});
