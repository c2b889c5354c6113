ALTER TABLE "pipeline_stages" ADD COLUMN "first_step" text;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "value_counts" jsonb;--> statement-breakpoint
ALTER TABLE "pipeline_stages" ADD CONSTRAINT "pipeline_stages_first_step_length" CHECK (length("pipeline_stages"."first_step") between 1 and 200);