/**
 * The raw-SQL floors: the work each page does, written by hand as one would without an ORM, on the
 * same data. They mirror what src/server/data/{today-queue,deal-list,board}.ts ask of the database
 * (same filters, joins, caps and orders) so that page ÷ floor shows what the app adds on top.
 */
export type Statement = { name: string; text: string; params: (string | number)[] };

export type FloorIds = { orgId: string; userId: string; timeZone: string; now: string };

/**
 * Boundaries of the Today buckets in the org's zone (start of tomorrow, and 7 days after that),
 * computed once before timing: they are inputs of the query, as in the app, not part of its work.
 */
export const TODAY_BOUNDS_SQL = `select
  (date_trunc('day', $1::timestamptz at time zone $2) + interval '1 day') at time zone $2 as today_end,
  (date_trunc('day', $1::timestamptz at time zone $2) + interval '8 days') at time zone $2 as upcoming_end`;

export type TodayBounds = { todayEnd: string; upcomingEnd: string };

const TODAY_BRANCH = (
  bucket: string,
  range: string,
) => `(select '${bucket}' as bucket, a.id, a.type, a.details, a.due_at, a.owner_id, u.name as owner_name,
    d.id as deal_id, d.title, d.contact_name, d.value_minor, d.currency, s.name as stage_name, d.probability
  from actions a
  join deals d on d.org_id = a.org_id and d.id = a.deal_id
  join pipeline_stages s on s.org_id = d.org_id and s.id = d.stage_id
  join users u on u.id = a.owner_id
  where a.org_id = $1 and a.owner_id = $2 and a.completed_at is null and ${range}
    and d.deleted_at is null and d.owner_id = $2
  order by a.due_at, a.id limit 100)`;

/** Today (one rep): three capped bucket scans in one UNION ALL, then the exact bucket counts. */
export function todayStatements(ids: FloorIds & TodayBounds): Statement[] {
  const params = [ids.orgId, ids.userId, ids.now, ids.todayEnd, ids.upcomingEnd];
  return [
    {
      name: "bucket rows",
      text: `${TODAY_BRANCH("overdue", "a.due_at < $3::timestamptz")}
union all ${TODAY_BRANCH("today", "a.due_at >= $3::timestamptz and a.due_at < $4::timestamptz")}
union all ${TODAY_BRANCH("upcoming", "a.due_at >= $4::timestamptz and a.due_at < $5::timestamptz")}`,
      params,
    },
    {
      name: "bucket counts",
      text: `select count(*) filter (where a.due_at < $3::timestamptz) as overdue,
       count(*) filter (where a.due_at >= $3::timestamptz and a.due_at < $4::timestamptz) as today,
       count(*) filter (where a.due_at >= $4::timestamptz) as upcoming
  from actions a join deals d on d.org_id = a.org_id and d.id = a.deal_id
 where a.org_id = $1 and a.owner_id = $2 and a.completed_at is null and a.due_at < $5::timestamptz
   and d.deleted_at is null and d.owner_id = $2`,
      params,
    },
  ];
}

/**
 * Deals list, first page of open deals newest first (25 rows) and the totals of the whole set.
 * created_at is NOT NULL, so plain DESC returns what the app's "desc nulls last" returns, and
 * can walk deals_org_created_idx backwards (NULLS LAST cannot).
 */
export function dealListStatements(ids: FloorIds & { ownerOnly: boolean }): Statement[] {
  const owner = ids.ownerOnly ? "and d.owner_id = $2" : "and $2::uuid is not null";
  return [
    {
      name: "first page",
      text: `select d.id, d.title, d.contact_name, d.owner_id, u.name as owner_name, s.name as stage_name, d.status, d.value_minor,
       d.weighted_minor, d.currency, d.probability, d.sector, d.expected_close_date, d.created_at, d.closed_at, a.type, a.due_at
  from deals d
  join pipeline_stages s on s.org_id = d.org_id and s.id = d.stage_id
  join users u on u.id = d.owner_id
  left join actions a on a.org_id = d.org_id and a.deal_id = d.id and a.completed_at is null
 where d.org_id = $1 and d.deleted_at is null ${owner} and d.status = 'open'
 order by d.created_at desc, d.id desc
 limit 25`,
      params: [ids.orgId, ids.userId],
    },
    {
      name: "totals",
      text: `select d.currency, count(*), coalesce(sum(d.value_minor), 0), coalesce(sum(d.weighted_minor), 0)
  from deals d
 where d.org_id = $1 and d.deleted_at is null ${owner} and d.status = 'open'
 group by d.currency`,
      params: [ids.orgId, ids.userId],
    },
  ];
}

/** Pipeline board of one rep: per-column aggregates, and the first 50 (+1) cards per open stage. */
export function boardStatements(ids: FloorIds & { ownerOnly: boolean }): Statement[] {
  const owner = ids.ownerOnly ? "and d.owner_id = $2" : "and $2::uuid is not null";
  return [
    {
      name: "column aggregates",
      text: `select d.stage_id, d.currency, count(*), coalesce(sum(d.value_minor), 0), coalesce(sum(d.weighted_minor), 0)
  from deals d
 where d.org_id = $1 and d.deleted_at is null ${owner} and d.status = 'open'
 group by d.stage_id, d.currency`,
      params: [ids.orgId, ids.userId],
    },
    {
      name: "top cards per stage",
      text: `select s.id, s.name, s.probability, s.stale_after_days, s.kind, c.*
  from pipeline_stages s
  left join lateral (
    select d.id as deal_id, d.title, d.contact_name, d.value_minor, d.currency, d.probability as deal_probability, d.owner_id,
           u.name as owner_name, d.position, d.created_at, d.last_activity_at, a.type, a.due_at, a.details
      from deals d
      join users u on u.id = d.owner_id
      left join actions a on a.org_id = d.org_id and a.deal_id = d.id and a.completed_at is null
     where d.org_id = $1 and d.deleted_at is null ${owner} and d.stage_id = s.id and s.kind = 'open'
     order by d.position, d.id
     limit 51) c on true
 where s.org_id = $1
 order by s.position, c.position, c.deal_id`,
      params: [ids.orgId, ids.userId],
    },
  ];
}

/**
 * Complete & plan next, by hand: close the pending action (only if still pending), plan the next
 * one, touch the deal — in one transaction whose COMMIT runs the deferred invariant triggers.
 */
export function completeStatements(ids: FloorIds & { actionId: string }): {
  complete: Statement;
  plan: (dealId: string) => Statement;
  touch: (dealId: string) => Statement;
} {
  return {
    complete: {
      name: "complete action",
      text: `update actions set completed_at = now(), completed_by = $2, outcome = 'Reached them; moving on'
 where org_id = $1 and id = $3 and completed_at is null
 returning deal_id`,
      params: [ids.orgId, ids.userId, ids.actionId],
    },
    plan: (dealId) => ({
      name: "plan next action",
      text: `insert into actions (org_id, deal_id, owner_id, type, due_at, details, created_by)
 values ($1, $3, $2, 'call', now() + interval '3 days', 'Follow up on the proposal', $2)
 returning id`,
      params: [ids.orgId, ids.userId, dealId],
    }),
    touch: (dealId) => ({
      name: "touch deal",
      text: `update deals set last_activity_at = now(), updated_at = now() where org_id = $1 and id = $2`,
      params: [ids.orgId, dealId],
    }),
  };
}
