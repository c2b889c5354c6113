-- Every organization keeps at least one admin. Deferred so that a transaction may demote one
-- admin and promote another in either order; checked at commit. Deleting the organization
-- itself (cascade) is allowed.
CREATE OR REPLACE FUNCTION momentum_check_org_has_admin() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM organizations o WHERE o.id = OLD.org_id)
     AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.org_id = OLD.org_id AND m.role = 'admin') THEN
    RAISE EXCEPTION 'organization % must keep at least one admin', OLD.org_id
      USING ERRCODE = '23514', CONSTRAINT = 'memberships_last_admin';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER memberships_last_admin
  AFTER UPDATE OF role OR DELETE ON memberships
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN (OLD.role = 'admin')
  EXECUTE FUNCTION momentum_check_org_has_admin();
