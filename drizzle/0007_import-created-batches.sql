CREATE TABLE "import_created_batches" (
	"org_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"batch" integer NOT NULL,
	"deal_ids" uuid[] NOT NULL,
	"after_hash" text NOT NULL,
	CONSTRAINT "import_created_batches_pkey" PRIMARY KEY("org_id","import_id","batch")
);
--> statement-breakpoint
ALTER TABLE "import_created_batches" ADD CONSTRAINT "import_created_batches_import_fk" FOREIGN KEY ("org_id","import_id") REFERENCES "public"."imports"("org_id","id") ON DELETE cascade ON UPDATE no action;