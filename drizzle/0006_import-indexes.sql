-- Duplicate detection on import: existing deals of the org with the same client, case-insensitive
-- (then same title or same amount). Lives here rather than in the deals schema because only the
-- import reads it; it leads with org_id like every tenant index.
CREATE INDEX IF NOT EXISTS deals_org_contact_lower_idx ON deals (org_id, lower(contact_name)) WHERE deleted_at IS NULL;
