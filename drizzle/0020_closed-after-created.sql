-- Repair first, so the constraint applies on existing databases: imports wrote a past close time
-- on deals "created" at import time. The close time is the fact the file gave; the creation is
-- moved back to it (a zero-length cycle rather than a negative one).
UPDATE "deals" SET "created_at" = "closed_at" WHERE "closed_at" < "created_at";--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_closed_after_created" CHECK ("deals"."closed_at" is null or "deals"."closed_at" >= "deals"."created_at");
