-- The next-action discipline, guarded by PostgreSQL itself (not only by the UI):
--   * a deal's status always equals its stage's kind (open / won / lost);
--   * won/lost deals are locked: only reopening (a status change), soft delete and Kanban position may change;
--   * every open deal has exactly one pending action at commit; a closed deal has none;
--   * completed actions are history and never change;
--   * deal_stage_history records every stay in a stage.
-- The acting user (for history rows) comes from `set_config('momentum.actor_id', …, true)`.

CREATE OR REPLACE FUNCTION momentum_actor_id() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('momentum.actor_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION momentum_deals_before_write() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  new_kind stage_kind;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.status <> 'open' THEN
    -- Closed deals are locked. Reopening (moving to an open stage) is the one allowed change of stage.
    IF NEW.stage_id IS NOT DISTINCT FROM OLD.stage_id AND (
         NEW.title, NEW.contact_name, NEW.owner_id, NEW.value_minor, NEW.currency, NEW.probability,
         NEW.sector, NEW.source, NEW.expected_close_date, NEW.loss_reason_id, NEW.loss_note)
       IS DISTINCT FROM (
         OLD.title, OLD.contact_name, OLD.owner_id, OLD.value_minor, OLD.currency, OLD.probability,
         OLD.sector, OLD.source, OLD.expected_close_date, OLD.loss_reason_id, OLD.loss_note) THEN
      RAISE EXCEPTION 'deal % is % and locked; reopen it first', OLD.id, OLD.status
        USING ERRCODE = '23514', CONSTRAINT = 'deals_closed_locked';
    END IF;
  END IF;

  IF TG_OP = 'INSERT' OR NEW.stage_id IS DISTINCT FROM OLD.stage_id THEN
    SELECT kind INTO new_kind FROM pipeline_stages WHERE org_id = NEW.org_id AND id = NEW.stage_id;
    IF TG_OP = 'UPDATE' AND OLD.status <> 'open' AND new_kind <> 'open' THEN
      RAISE EXCEPTION 'deal % is % and locked; reopen it into an open stage first', OLD.id, OLD.status
        USING ERRCODE = '23514', CONSTRAINT = 'deals_closed_locked';
    END IF;
    NEW.status := new_kind;
    IF TG_OP = 'UPDATE' THEN
      NEW.stage_entered_at := now();
    END IF;
    IF new_kind = 'won' THEN
      NEW.probability := 100;
    ELSIF new_kind = 'lost' THEN
      NEW.probability := 0;
    END IF;
    IF new_kind = 'open' THEN
      NEW.closed_at := NULL;
      NEW.loss_reason_id := NULL;
      NEW.loss_note := NULL;
    ELSIF TG_OP = 'INSERT' THEN
      NEW.closed_at := coalesce(NEW.closed_at, now()); -- imports may carry the historical close time
    ELSE
      NEW.closed_at := now();
    END IF;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER deals_before_write
  BEFORE INSERT OR UPDATE ON deals
  FOR EACH ROW EXECUTE FUNCTION momentum_deals_before_write();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION momentum_deals_stage_history() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.stage_id IS NOT DISTINCT FROM OLD.stage_id THEN
      RETURN NULL;
    END IF;
    UPDATE deal_stage_history SET exited_at = NEW.stage_entered_at
     WHERE org_id = NEW.org_id AND deal_id = NEW.id AND exited_at IS NULL;
  END IF;
  INSERT INTO deal_stage_history (org_id, deal_id, stage_id, entered_at, changed_by)
  VALUES (NEW.org_id, NEW.id, NEW.stage_id, NEW.stage_entered_at, coalesce(momentum_actor_id(), NEW.created_by));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER deals_stage_history
  AFTER INSERT OR UPDATE OF stage_id ON deals
  FOR EACH ROW EXECUTE FUNCTION momentum_deals_stage_history();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION momentum_check_deal_next_action(p_org uuid, p_deal uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  d_status deal_status;
  d_deleted timestamptz;
  pending int;
BEGIN
  SELECT status, deleted_at INTO d_status, d_deleted FROM deals WHERE org_id = p_org AND id = p_deal;
  IF NOT FOUND THEN
    RETURN; -- the deal itself was deleted
  END IF;
  SELECT count(*) INTO pending FROM actions WHERE org_id = p_org AND deal_id = p_deal AND completed_at IS NULL;
  IF d_status = 'open' AND d_deleted IS NULL AND pending = 0 THEN
    RAISE EXCEPTION 'open deal % has no pending next action', p_deal
      USING ERRCODE = '23514', CONSTRAINT = 'deals_require_next_action';
  END IF;
  IF d_status <> 'open' AND pending > 0 THEN
    RAISE EXCEPTION 'closed deal % still has a pending action', p_deal
      USING ERRCODE = '23514', CONSTRAINT = 'closed_deals_have_no_pending_action';
  END IF;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION momentum_deals_next_action_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM momentum_check_deal_next_action(NEW.org_id, NEW.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER deals_require_next_action
  AFTER INSERT OR UPDATE OF status, deleted_at ON deals
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION momentum_deals_next_action_trigger();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION momentum_actions_next_action_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM momentum_check_deal_next_action(OLD.org_id, OLD.deal_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.deal_id <> OLD.deal_id) THEN
    PERFORM momentum_check_deal_next_action(NEW.org_id, NEW.deal_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER actions_require_next_action
  AFTER INSERT OR UPDATE OR DELETE ON actions
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION momentum_actions_next_action_trigger();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION momentum_actions_history_immutable() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.completed_at IS NOT NULL THEN
    RAISE EXCEPTION 'action % is completed and cannot change', OLD.id
      USING ERRCODE = '23514', CONSTRAINT = 'actions_completed_immutable';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER actions_history_immutable
  BEFORE UPDATE ON actions
  FOR EACH ROW EXECUTE FUNCTION momentum_actions_history_immutable();
