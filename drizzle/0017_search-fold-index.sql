DROP INDEX "deals_org_search_idx";--> statement-breakpoint
CREATE INDEX "deals_org_search_idx" ON "deals" USING gin (search_fold("title" || ' ' || "contact_name") gin_trgm_ops);