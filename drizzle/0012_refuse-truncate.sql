-- Custom SQL migration file, put your code below! --
-- Row triggers guard the invariants (one pending next action per open deal, the last admin, the
-- stage history) but TRUNCATE fires no row trigger: `TRUNCATE actions` by the application's role
-- committed and left every open deal without a next step. A statement-level BEFORE TRUNCATE
-- trigger refuses it on every table an invariant reads. (Dropping a whole schema, as db:reset does,
-- is not a TRUNCATE and stays possible for whoever owns the schema.)
CREATE OR REPLACE FUNCTION momentum_refuse_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'TRUNCATE of % is refused: it would bypass the invariants its rows guard', TG_TABLE_NAME
    USING ERRCODE = '55000', CONSTRAINT = 'refuse_truncate';
END;
$$;--> statement-breakpoint
CREATE TRIGGER organizations_refuse_truncate BEFORE TRUNCATE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION momentum_refuse_truncate();--> statement-breakpoint
CREATE TRIGGER memberships_refuse_truncate BEFORE TRUNCATE ON memberships
  FOR EACH STATEMENT EXECUTE FUNCTION momentum_refuse_truncate();--> statement-breakpoint
CREATE TRIGGER deals_refuse_truncate BEFORE TRUNCATE ON deals
  FOR EACH STATEMENT EXECUTE FUNCTION momentum_refuse_truncate();--> statement-breakpoint
CREATE TRIGGER actions_refuse_truncate BEFORE TRUNCATE ON actions
  FOR EACH STATEMENT EXECUTE FUNCTION momentum_refuse_truncate();--> statement-breakpoint
CREATE TRIGGER deal_stage_history_refuse_truncate BEFORE TRUNCATE ON deal_stage_history
  FOR EACH STATEMENT EXECUTE FUNCTION momentum_refuse_truncate();--> statement-breakpoint
CREATE TRIGGER audit_log_refuse_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION momentum_refuse_truncate();--> statement-breakpoint
-- The audit log is append-only (DESIGN §3). A direct UPDATE or DELETE is refused; the changes the
-- foreign keys make themselves (ON DELETE SET NULL of a removed user, ON DELETE CASCADE of a
-- removed organization) run inside the referential trigger, at trigger depth > 1, and pass.
CREATE OR REPLACE FUNCTION momentum_audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() > 1 THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % is refused', TG_OP
    USING ERRCODE = '55000', CONSTRAINT = 'audit_log_append_only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION momentum_audit_log_append_only();
