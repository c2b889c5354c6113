CREATE TYPE "public"."stage_kind" AS ENUM('open', 'won', 'lost');--> statement-breakpoint
CREATE TYPE "public"."action_type" AS ENUM('call', 'email', 'meeting', 'task');--> statement-breakpoint
CREATE TYPE "public"."deal_status" AS ENUM('open', 'won', 'lost');--> statement-breakpoint
CREATE TABLE "loss_reasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"label" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "loss_reasons_org_id_id_key" UNIQUE("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "pipeline_stages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"probability" integer NOT NULL,
	"kind" "stage_kind" DEFAULT 'open' NOT NULL,
	"stale_after_days" integer DEFAULT 10 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pipeline_stages_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "pipeline_stages_probability_range" CHECK ("pipeline_stages"."probability" between 0 and 100),
	CONSTRAINT "pipeline_stages_stale_days_range" CHECK ("pipeline_stages"."stale_after_days" between 1 and 365),
	CONSTRAINT "pipeline_stages_name_length" CHECK (length("pipeline_stages"."name") between 1 and 40)
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"type" "action_type" NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"details" text NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"outcome" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_details_length" CHECK (length("actions"."details") between 1 and 2000),
	CONSTRAINT "actions_completion_consistent" CHECK (("actions"."completed_at" is null) = ("actions"."completed_by" is null))
);
--> statement-breakpoint
CREATE TABLE "deal_stage_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"exited_at" timestamp with time zone,
	"changed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"contact_name" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"value_minor" bigint DEFAULT 0 NOT NULL,
	"currency" varchar(3) NOT NULL,
	"stage_id" uuid NOT NULL,
	"probability" integer NOT NULL,
	"weighted_minor" bigint GENERATED ALWAYS AS (("deals"."value_minor" * "deals"."probability") / 100) STORED,
	"status" "deal_status" DEFAULT 'open' NOT NULL,
	"sector" text,
	"source" text,
	"expected_close_date" date,
	"loss_reason_id" uuid,
	"loss_note" text,
	"closed_at" timestamp with time zone,
	"position" double precision DEFAULT 0 NOT NULL,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone,
	"deleted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deals_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "deals_value_nonnegative" CHECK ("deals"."value_minor" >= 0),
	CONSTRAINT "deals_probability_range" CHECK ("deals"."probability" between 0 and 100),
	CONSTRAINT "deals_currency_format" CHECK ("deals"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "deals_title_length" CHECK (length("deals"."title") between 1 and 200),
	CONSTRAINT "deals_lost_has_reason" CHECK ("deals"."status" <> 'lost' or "deals"."loss_reason_id" is not null),
	CONSTRAINT "deals_closed_at_matches_status" CHECK (("deals"."status" = 'open') = ("deals"."closed_at" is null))
);
--> statement-breakpoint
ALTER TABLE "loss_reasons" ADD CONSTRAINT "loss_reasons_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pipeline_stages" ADD CONSTRAINT "pipeline_stages_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_deal_fk" FOREIGN KEY ("org_id","deal_id") REFERENCES "public"."deals"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_stage_history" ADD CONSTRAINT "deal_stage_history_deal_fk" FOREIGN KEY ("org_id","deal_id") REFERENCES "public"."deals"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_stage_history" ADD CONSTRAINT "deal_stage_history_stage_fk" FOREIGN KEY ("org_id","stage_id") REFERENCES "public"."pipeline_stages"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_stage_fk" FOREIGN KEY ("org_id","stage_id") REFERENCES "public"."pipeline_stages"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_loss_reason_fk" FOREIGN KEY ("org_id","loss_reason_id") REFERENCES "public"."loss_reasons"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "loss_reasons_org_label_key" ON "loss_reasons" USING btree ("org_id",lower("label"));--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_stages_org_name_key" ON "pipeline_stages" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "pipeline_stages_org_position_idx" ON "pipeline_stages" USING btree ("org_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_stages_one_won_key" ON "pipeline_stages" USING btree ("org_id") WHERE "pipeline_stages"."kind" = 'won';--> statement-breakpoint
CREATE UNIQUE INDEX "pipeline_stages_one_lost_key" ON "pipeline_stages" USING btree ("org_id") WHERE "pipeline_stages"."kind" = 'lost';--> statement-breakpoint
CREATE UNIQUE INDEX "actions_one_pending_per_deal" ON "actions" USING btree ("org_id","deal_id") WHERE "actions"."completed_at" is null;--> statement-breakpoint
CREATE INDEX "actions_org_owner_pending_due_idx" ON "actions" USING btree ("org_id","owner_id","due_at") WHERE "actions"."completed_at" is null;--> statement-breakpoint
CREATE INDEX "actions_org_pending_due_idx" ON "actions" USING btree ("org_id","due_at") WHERE "actions"."completed_at" is null;--> statement-breakpoint
CREATE INDEX "actions_org_deal_completed_idx" ON "actions" USING btree ("org_id","deal_id","completed_at");--> statement-breakpoint
CREATE INDEX "deal_stage_history_org_deal_idx" ON "deal_stage_history" USING btree ("org_id","deal_id","entered_at");--> statement-breakpoint
CREATE INDEX "deal_stage_history_org_stage_idx" ON "deal_stage_history" USING btree ("org_id","stage_id","entered_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deal_stage_history_one_current" ON "deal_stage_history" USING btree ("org_id","deal_id") WHERE "deal_stage_history"."exited_at" is null;--> statement-breakpoint
CREATE INDEX "deals_org_stage_position_idx" ON "deals" USING btree ("org_id","stage_id","position") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_org_owner_stage_idx" ON "deals" USING btree ("org_id","owner_id","stage_id","position") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_org_created_idx" ON "deals" USING btree ("org_id","created_at") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_org_close_date_idx" ON "deals" USING btree ("org_id","expected_close_date") WHERE "deals"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deals_org_search_idx" ON "deals" USING gin ((lower("title" || ' ' || "contact_name")) gin_trgm_ops);