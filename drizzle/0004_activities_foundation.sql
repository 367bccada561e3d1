CREATE TABLE "activity_catalogue_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"position_id" uuid,
	"current_version" integer DEFAULT 1 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_catalogue_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"output_unit" text NOT NULL,
	"standard_minutes" integer NOT NULL,
	"effective_from" date NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_catalogue_versions_minutes_check" CHECK ("activity_catalogue_versions"."standard_minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "activity_deadline_extensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid,
	"work_date_from" date NOT NULL,
	"work_date_to" date NOT NULL,
	"extended_until" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_deadline_extensions_dates_check" CHECK ("activity_deadline_extensions"."work_date_to" >= "activity_deadline_extensions"."work_date_from")
);
--> statement-breakpoint
CREATE TABLE "activity_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"unit_id" uuid,
	"work_date" date NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"catalogue_version_id" uuid,
	"is_additional_task" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"volume" integer NOT NULL,
	"output_unit" text NOT NULL,
	"description" text,
	"standard_minutes" integer,
	"claimed_minutes" integer NOT NULL,
	"approved_minutes" integer,
	"evidence_attachment_id" uuid,
	"evidence_link" text,
	"evidence_verdict" text,
	"skp_rhk_id" uuid,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_by_employee_id" uuid,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"idempotency_key" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_entries_time_order_check" CHECK ("activity_entries"."end_time" > "activity_entries"."start_time"),
	CONSTRAINT "activity_entries_volume_check" CHECK ("activity_entries"."volume" between 1 and 10000),
	CONSTRAINT "activity_entries_minutes_check" CHECK ("activity_entries"."claimed_minutes" between 0 and 1440 and ("activity_entries"."approved_minutes" is null or "activity_entries"."approved_minutes" between 0 and "activity_entries"."claimed_minutes")),
	CONSTRAINT "activity_entries_status_check" CHECK ("activity_entries"."status" in ('draft','submitted','approved','rejected','returned')),
	CONSTRAINT "activity_entries_verdict_check" CHECK ("activity_entries"."evidence_verdict" is null or "activity_entries"."evidence_verdict" in ('matching','insufficient','not_matching')),
	CONSTRAINT "activity_entries_kind_check" CHECK (("activity_entries"."is_additional_task" and "activity_entries"."catalogue_version_id" is null) or (not "activity_entries"."is_additional_task" and "activity_entries"."catalogue_version_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "activity_rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"effective_from" date NOT NULL,
	"regulation" text NOT NULL,
	"rules" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"name" text NOT NULL,
	"catalogue_item_id" uuid,
	"is_additional_task" boolean DEFAULT false NOT NULL,
	"title" text,
	"output_unit" text,
	"volume" integer DEFAULT 1 NOT NULL,
	"start_time" time,
	"end_time" time,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "period_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"closed_by_user_id" uuid,
	"note" text,
	"details" jsonb,
	CONSTRAINT "period_closures_period_check" CHECK ("period_closures"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
ALTER TABLE "activity_catalogue_items" ADD CONSTRAINT "activity_catalogue_items_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_catalogue_versions" ADD CONSTRAINT "activity_catalogue_versions_item_id_activity_catalogue_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."activity_catalogue_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_catalogue_versions" ADD CONSTRAINT "activity_catalogue_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_deadline_extensions" ADD CONSTRAINT "activity_deadline_extensions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_deadline_extensions" ADD CONSTRAINT "activity_deadline_extensions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_entries" ADD CONSTRAINT "activity_entries_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_entries" ADD CONSTRAINT "activity_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_entries" ADD CONSTRAINT "activity_entries_catalogue_version_id_activity_catalogue_versions_id_fk" FOREIGN KEY ("catalogue_version_id") REFERENCES "public"."activity_catalogue_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_entries" ADD CONSTRAINT "activity_entries_evidence_attachment_id_attachments_id_fk" FOREIGN KEY ("evidence_attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_entries" ADD CONSTRAINT "activity_entries_decided_by_employee_id_employees_id_fk" FOREIGN KEY ("decided_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_entries" ADD CONSTRAINT "activity_entries_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_entries" ADD CONSTRAINT "activity_entries_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_templates" ADD CONSTRAINT "activity_templates_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_templates" ADD CONSTRAINT "activity_templates_catalogue_item_id_activity_catalogue_items_id_fk" FOREIGN KEY ("catalogue_item_id") REFERENCES "public"."activity_catalogue_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_closures" ADD CONSTRAINT "period_closures_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activity_catalogue_items_code_key" ON "activity_catalogue_items" USING btree ("code");--> statement-breakpoint
CREATE INDEX "activity_catalogue_items_position_idx" ON "activity_catalogue_items" USING btree ("position_id");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_catalogue_versions_item_version_key" ON "activity_catalogue_versions" USING btree ("item_id","version");--> statement-breakpoint
CREATE INDEX "activity_deadline_extensions_dates_idx" ON "activity_deadline_extensions" USING btree ("work_date_from","work_date_to");--> statement-breakpoint
CREATE INDEX "activity_entries_employee_date_idx" ON "activity_entries" USING btree ("employee_id","work_date");--> statement-breakpoint
CREATE INDEX "activity_entries_unit_date_idx" ON "activity_entries" USING btree ("unit_id","work_date");--> statement-breakpoint
CREATE INDEX "activity_entries_status_idx" ON "activity_entries" USING btree ("status","work_date");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_entries_idempotency_key" ON "activity_entries" USING btree ("employee_id","idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_rule_sets_effective_key" ON "activity_rule_sets" USING btree ("effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_templates_employee_name_key" ON "activity_templates" USING btree ("employee_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "period_closures_period_key" ON "period_closures" USING btree ("period");