CREATE TABLE "tpp_adjustments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"period" text NOT NULL,
	"corrects_period" text NOT NULL,
	"corrects_result_id" uuid,
	"amount" bigint NOT NULL,
	"reason" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tpp_adjustments_period_check" CHECK ("tpp_adjustments"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and "tpp_adjustments"."corrects_period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "tpp_adjustments_later_check" CHECK ("tpp_adjustments"."corrects_period" < "tpp_adjustments"."period"),
	CONSTRAINT "tpp_adjustments_amount_check" CHECK ("tpp_adjustments"."amount" <> 0),
	CONSTRAINT "tpp_adjustments_reason_check" CHECK (length(trim("tpp_adjustments"."reason")) >= 5)
);
--> statement-breakpoint
CREATE TABLE "tpp_bank_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"bank_name" text NOT NULL,
	"account_number" text NOT NULL,
	"account_holder" text NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tpp_bank_accounts_number_check" CHECK ("tpp_bank_accounts"."account_number" ~ '^[0-9]{5,20}$'),
	CONSTRAINT "tpp_bank_accounts_text_check" CHECK (length(trim("tpp_bank_accounts"."bank_name")) >= 2 and length(trim("tpp_bank_accounts"."account_holder")) >= 2)
);
--> statement-breakpoint
CREATE TABLE "tpp_compliance_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"period" text NOT NULL,
	"code" text NOT NULL,
	"is_met" boolean NOT NULL,
	"note" text,
	"recorded_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tpp_compliance_items_period_check" CHECK ("tpp_compliance_items"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "tpp_compliance_items_code_check" CHECK ("tpp_compliance_items"."code" ~ '^[a-z][a-z0-9_]{0,39}$')
);
--> statement-breakpoint
CREATE TABLE "tpp_discipline_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"penalty_code" text NOT NULL,
	"start_period" text NOT NULL,
	"note" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tpp_discipline_decisions_period_check" CHECK ("tpp_discipline_decisions"."start_period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "tpp_discipline_decisions_number_check" CHECK (length(trim("tpp_discipline_decisions"."decision_number")) >= 1)
);
--> statement-breakpoint
CREATE TABLE "tpp_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"employee_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"rule_set_id" uuid NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"frozen_at" timestamp with time zone,
	"nip" text NOT NULL,
	"employee_name" text NOT NULL,
	"golongan" text,
	"jenis_asn" text NOT NULL,
	"unit_id" uuid,
	"unit_name" text,
	"opd_unit_id" uuid,
	"opd_name" text,
	"position_id" uuid,
	"position_code" text,
	"position_name" text,
	"kelas_jabatan" integer NOT NULL,
	"input" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"earned" bigint NOT NULL,
	"deduction_total" bigint NOT NULL,
	"adjustment_total" bigint NOT NULL,
	"tpp" bigint NOT NULL,
	"gross" bigint NOT NULL,
	"pph21" bigint NOT NULL,
	"bpjs_employer" bigint NOT NULL,
	"bpjs_employee" bigint NOT NULL,
	"net" bigint NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tpp_results_period_check" CHECK ("tpp_results"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "tpp_results_kelas_check" CHECK ("tpp_results"."kelas_jabatan" between 1 and 17),
	CONSTRAINT "tpp_results_amounts_check" CHECK ("tpp_results"."earned" >= 0 and "tpp_results"."deduction_total" >= 0 and "tpp_results"."tpp" >= 0 and "tpp_results"."gross" >= "tpp_results"."tpp" and "tpp_results"."pph21" >= 0 and "tpp_results"."bpjs_employer" >= 0 and "tpp_results"."bpjs_employee" >= 0 and "tpp_results"."net" >= 0)
);
--> statement-breakpoint
CREATE TABLE "tpp_rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"effective_from" date NOT NULL,
	"regulation" text NOT NULL,
	"rule_set" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"superseded_by_id" uuid,
	"superseded_by_user_id" uuid,
	CONSTRAINT "tpp_rule_sets_effective_first_check" CHECK (extract(day from "tpp_rule_sets"."effective_from") = 1),
	CONSTRAINT "tpp_rule_sets_superseded_check" CHECK ("tpp_rule_sets"."superseded_by_id" is null or "tpp_rule_sets"."superseded_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "tpp_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"unit_id" uuid,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer DEFAULT 0 NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rule_set_id" uuid,
	"requested_by_user_id" uuid,
	"requested_by_label" text,
	"requested_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" text,
	CONSTRAINT "tpp_runs_period_check" CHECK ("tpp_runs"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "tpp_runs_status_check" CHECK ("tpp_runs"."status" in ('queued','running','done','failed')),
	CONSTRAINT "tpp_runs_progress_check" CHECK ("tpp_runs"."progress_done" >= 0 and "tpp_runs"."progress_total" >= 0 and "tpp_runs"."progress_done" <= "tpp_runs"."progress_total"),
	CONSTRAINT "tpp_runs_failed_error_check" CHECK (("tpp_runs"."status" = 'failed') = ("tpp_runs"."error" is not null))
);
--> statement-breakpoint
ALTER TABLE "tpp_adjustments" ADD CONSTRAINT "tpp_adjustments_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_adjustments" ADD CONSTRAINT "tpp_adjustments_corrects_result_id_tpp_results_id_fk" FOREIGN KEY ("corrects_result_id") REFERENCES "public"."tpp_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_adjustments" ADD CONSTRAINT "tpp_adjustments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_bank_accounts" ADD CONSTRAINT "tpp_bank_accounts_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_bank_accounts" ADD CONSTRAINT "tpp_bank_accounts_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_compliance_items" ADD CONSTRAINT "tpp_compliance_items_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_compliance_items" ADD CONSTRAINT "tpp_compliance_items_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_discipline_decisions" ADD CONSTRAINT "tpp_discipline_decisions_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_discipline_decisions" ADD CONSTRAINT "tpp_discipline_decisions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_results" ADD CONSTRAINT "tpp_results_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_results" ADD CONSTRAINT "tpp_results_run_id_tpp_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."tpp_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_results" ADD CONSTRAINT "tpp_results_rule_set_id_tpp_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."tpp_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_results" ADD CONSTRAINT "tpp_results_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_results" ADD CONSTRAINT "tpp_results_opd_unit_id_units_id_fk" FOREIGN KEY ("opd_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_results" ADD CONSTRAINT "tpp_results_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_rule_sets" ADD CONSTRAINT "tpp_rule_sets_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_rule_sets" ADD CONSTRAINT "tpp_rule_sets_superseded_by_user_id_users_id_fk" FOREIGN KEY ("superseded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_runs" ADD CONSTRAINT "tpp_runs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_runs" ADD CONSTRAINT "tpp_runs_rule_set_id_tpp_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."tpp_rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_runs" ADD CONSTRAINT "tpp_runs_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tpp_adjustments_period_idx" ON "tpp_adjustments" USING btree ("period","employee_id");--> statement-breakpoint
CREATE INDEX "tpp_adjustments_corrects_idx" ON "tpp_adjustments" USING btree ("corrects_result_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tpp_bank_accounts_employee_key" ON "tpp_bank_accounts" USING btree ("employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tpp_compliance_items_key" ON "tpp_compliance_items" USING btree ("employee_id","period","code");--> statement-breakpoint
CREATE INDEX "tpp_compliance_items_period_idx" ON "tpp_compliance_items" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "tpp_discipline_decisions_number_key" ON "tpp_discipline_decisions" USING btree ("employee_id","decision_number");--> statement-breakpoint
CREATE INDEX "tpp_discipline_decisions_employee_idx" ON "tpp_discipline_decisions" USING btree ("employee_id","start_period");--> statement-breakpoint
CREATE UNIQUE INDEX "tpp_results_current_key" ON "tpp_results" USING btree ("employee_id","period") WHERE "tpp_results"."is_current";--> statement-breakpoint
CREATE INDEX "tpp_results_period_opd_idx" ON "tpp_results" USING btree ("period","opd_unit_id") WHERE "tpp_results"."is_current";--> statement-breakpoint
CREATE INDEX "tpp_results_run_idx" ON "tpp_results" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tpp_rule_sets_region_effective_key" ON "tpp_rule_sets" USING btree ("region_code","effective_from") WHERE "tpp_rule_sets"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "tpp_runs_status_idx" ON "tpp_runs" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "tpp_runs_period_idx" ON "tpp_runs" USING btree ("period","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tpp_runs_one_active_key" ON "tpp_runs" USING btree ("period",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE "tpp_runs"."status" in ('queued','running');