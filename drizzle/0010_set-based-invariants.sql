-- Set-based invariant triggers for multi-row INSERTs (the CSV import writes 2 000 deals per statement).
-- What the database guarantees is unchanged (drizzle/0004): every open, non-deleted deal has exactly one
-- pending action at commit and a closed deal none; status follows the stage; every stay in a stage is in
-- deal_stage_history with its actor. What changes is how INSERTs are checked:
--
--   * Stage history of new deals: one INSERT … SELECT per statement from the transition table, instead of
--     a row trigger running one INSERT per deal. (Stage changes by UPDATE keep the row trigger, now with a
--     WHEN clause: an UPDATE that moves no deal costs nothing.)
--   * Next-action check of new deals and new pending actions: the statement records the deal ids it
--     inserted as ONE row of deal_next_action_checks; a deferred constraint trigger on that table checks
--     the whole set at commit in one query. Before, every inserted deal and action queued its own deferred
--     check (two queries each at commit).
--     Nothing can switch the check off: the deferred event is queued by the INSERT of the queue row itself
--     and carries that row, so deleting or editing queue rows before COMMIT changes nothing — the check
--     reads the deal ids from the event's own row version and the deals and actions as they are at commit.
--     The verifying trigger deletes its row; no row outlives its transaction (UNLOGGED: nothing to replay).
--   * UPDATE and DELETE keep the per-row deferred checks of 0004, with WHEN clauses so that only changes
--     that can break the invariant queue one (status or deletion of a deal; an action becoming completed,
--     deleted while pending, or moved to another deal) — not every snooze, edit or Kanban move. A stage
--     change that closes or reopens a deal now queues its check too (0004 missed it, see below).

CREATE UNLOGGED TABLE deal_next_action_checks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  deal_ids uuid[] NOT NULL
);
--> statement-breakpoint
-- Arrays of ids do not compress: store them out of line as they are, without a pglz attempt each time
-- (the import writes a 2 000-id array to each of these per batch).
ALTER TABLE deal_next_action_checks ALTER COLUMN deal_ids SET STORAGE EXTERNAL;
--> statement-breakpoint
ALTER TABLE import_created_batches ALTER COLUMN deal_ids SET STORAGE EXTERNAL;
--> statement-breakpoint
-- One query for the whole set: every open, non-deleted deal has a pending action (at most one is the unique
-- index actions_one_pending_per_deal), every won/lost deal none. Deals deleted meanwhile are skipped. The
-- LATERAL … OFFSET 0 keeps the plan a probe of deals_pkey per id whatever the statistics say.
CREATE OR REPLACE FUNCTION momentum_verify_next_actions() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  SELECT d.id, d.status INTO bad
    FROM unnest(NEW.deal_ids) AS q(id)
    CROSS JOIN LATERAL (SELECT d.id, d.org_id, d.status, d.deleted_at FROM deals d WHERE d.id = q.id OFFSET 0) d
   WHERE CASE WHEN d.status = 'open'
              THEN d.deleted_at IS NULL
                   AND NOT EXISTS (SELECT 1 FROM actions a WHERE a.org_id = d.org_id AND a.deal_id = d.id AND a.completed_at IS NULL)
              ELSE EXISTS (SELECT 1 FROM actions a WHERE a.org_id = d.org_id AND a.deal_id = d.id AND a.completed_at IS NULL)
         END
   LIMIT 1;
  IF FOUND THEN
    IF bad.status = 'open' THEN
      RAISE EXCEPTION 'open deal % has no pending next action', bad.id
        USING ERRCODE = '23514', CONSTRAINT = 'deals_require_next_action';
    END IF;
    RAISE EXCEPTION 'closed deal % still has a pending action', bad.id
      USING ERRCODE = '23514', CONSTRAINT = 'closed_deals_have_no_pending_action';
  END IF;
  DELETE FROM deal_next_action_checks WHERE id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Same name as the deals trigger below: SET CONSTRAINTS deals_require_next_action … covers both paths.
CREATE CONSTRAINT TRIGGER deals_require_next_action
  AFTER INSERT ON deal_next_action_checks
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION momentum_verify_next_actions();
--> statement-breakpoint
DROP TRIGGER deals_stage_history ON deals;
--> statement-breakpoint
DROP TRIGGER deals_require_next_action ON deals;
--> statement-breakpoint
DROP TRIGGER actions_require_next_action ON actions;
--> statement-breakpoint
-- New deals: their first stay in deal_stage_history (actor from momentum.actor_id, else the creator), and
-- their ids queued for the commit-time check.
CREATE OR REPLACE FUNCTION momentum_deals_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  actor uuid := momentum_actor_id();
BEGIN
  INSERT INTO deal_stage_history (org_id, deal_id, stage_id, entered_at, changed_by)
  SELECT n.org_id, n.id, n.stage_id, n.stage_entered_at, coalesce(actor, n.created_by) FROM new_deals n;
  INSERT INTO deal_next_action_checks (deal_ids)
  SELECT array_agg(n.id) FROM new_deals n HAVING count(*) > 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER deals_inserted
  AFTER INSERT ON deals REFERENCING NEW TABLE AS new_deals
  FOR EACH STATEMENT EXECUTE FUNCTION momentum_deals_inserted();
--> statement-breakpoint
-- Stage changes: close the current stay, open the next (momentum_deals_stage_history from 0004).
CREATE TRIGGER deals_stage_history
  AFTER UPDATE OF stage_id ON deals
  FOR EACH ROW WHEN (OLD.stage_id IS DISTINCT FROM NEW.stage_id)
  EXECUTE FUNCTION momentum_deals_stage_history();
--> statement-breakpoint
-- stage_id is in the column list because the status follows the stage: 0004 listed only status and
-- deleted_at, and column lists ignore what BEFORE triggers change, so `UPDATE deals SET stage_id = <won>`
-- left a won deal with its pending action unchecked. The WHEN clause sees the row as written.
CREATE CONSTRAINT TRIGGER deals_require_next_action
  AFTER UPDATE OF stage_id, status, deleted_at ON deals
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION momentum_deals_next_action_trigger();
--> statement-breakpoint
-- New pending actions: their deals must be open at commit. (A completed action inserted changes no
-- deal's pending count; one completed or deleted later is checked by the triggers below.)
CREATE OR REPLACE FUNCTION momentum_actions_inserted() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO deal_next_action_checks (deal_ids)
  SELECT array_agg(n.deal_id) FROM new_actions n WHERE n.completed_at IS NULL HAVING count(*) > 0;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER actions_inserted
  AFTER INSERT ON actions REFERENCING NEW TABLE AS new_actions
  FOR EACH STATEMENT EXECUTE FUNCTION momentum_actions_inserted();
--> statement-breakpoint
-- momentum_actions_next_action_trigger (0004) checks the old deal, and the new one if the action moved.
CREATE CONSTRAINT TRIGGER actions_require_next_action
  AFTER UPDATE ON actions
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((OLD.completed_at IS NULL OR NEW.completed_at IS NULL)
                     AND (OLD.org_id, OLD.deal_id, OLD.completed_at IS NULL) IS DISTINCT FROM (NEW.org_id, NEW.deal_id, NEW.completed_at IS NULL))
  EXECUTE FUNCTION momentum_actions_next_action_trigger();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER actions_require_next_action_on_delete
  AFTER DELETE ON actions
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.completed_at IS NULL)
  EXECUTE FUNCTION momentum_actions_next_action_trigger();
