CREATE TYPE "public"."import_change_kind" AS ENUM('created', 'updated');--> statement-breakpoint
CREATE TYPE "public"."import_issue_kind" AS ENUM('invalid', 'skipped');--> statement-breakpoint
CREATE TYPE "public"."import_mode" AS ENUM('create', 'create_update', 'update_only');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('draft', 'queued', 'running', 'completed', 'failed', 'reverted');--> statement-breakpoint
CREATE TABLE "import_changes" (
	"org_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"deal_id" uuid NOT NULL,
	"kind" "import_change_kind" NOT NULL,
	"before" jsonb,
	"after_hash" text NOT NULL,
	CONSTRAINT "import_changes_pkey" PRIMARY KEY("org_id","import_id","deal_id")
);
--> statement-breakpoint
CREATE TABLE "import_row_errors" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"kind" "import_issue_kind" NOT NULL,
	"line" integer NOT NULL,
	"column" text,
	"value" text,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_by" uuid,
	"file_name" text NOT NULL,
	"file_size" integer NOT NULL,
	"encoding" varchar(20) NOT NULL,
	"delimiter" varchar(2) NOT NULL,
	"headers" jsonb NOT NULL,
	"sample" jsonb NOT NULL,
	"source" text,
	"mapping" jsonb,
	"options" jsonb,
	"mode" "import_mode" DEFAULT 'create' NOT NULL,
	"status" "import_status" DEFAULT 'draft' NOT NULL,
	"total_rows" integer NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"failed_count" integer DEFAULT 0 NOT NULL,
	"error" text,
	"queued_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"reverted_at" timestamp with time zone,
	"reverted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imports_org_id_id_key" UNIQUE("org_id","id"),
	CONSTRAINT "imports_counts_nonnegative" CHECK (least("imports"."total_rows", "imports"."processed_rows", "imports"."created_count", "imports"."updated_count", "imports"."skipped_count", "imports"."failed_count") >= 0)
);
--> statement-breakpoint
ALTER TABLE "import_changes" ADD CONSTRAINT "import_changes_import_fk" FOREIGN KEY ("org_id","import_id") REFERENCES "public"."imports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_changes" ADD CONSTRAINT "import_changes_deal_fk" FOREIGN KEY ("org_id","deal_id") REFERENCES "public"."deals"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_row_errors" ADD CONSTRAINT "import_row_errors_import_fk" FOREIGN KEY ("org_id","import_id") REFERENCES "public"."imports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_reverted_by_users_id_fk" FOREIGN KEY ("reverted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_changes_org_deal_idx" ON "import_changes" USING btree ("org_id","deal_id");--> statement-breakpoint
CREATE INDEX "import_row_errors_org_import_line_idx" ON "import_row_errors" USING btree ("org_id","import_id","line");--> statement-breakpoint
CREATE INDEX "imports_org_created_idx" ON "imports" USING btree ("org_id","created_at");