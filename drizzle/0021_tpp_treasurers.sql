CREATE TABLE "tpp_treasurers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"decree_number" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_user_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tpp_treasurers_dates_check" CHECK ("tpp_treasurers"."end_date" is null or "tpp_treasurers"."end_date" >= "tpp_treasurers"."start_date"),
	CONSTRAINT "tpp_treasurers_decree_check" CHECK (length(trim("tpp_treasurers"."decree_number")) >= 1)
);
--> statement-breakpoint
ALTER TABLE "tpp_treasurers" ADD CONSTRAINT "tpp_treasurers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_treasurers" ADD CONSTRAINT "tpp_treasurers_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_treasurers" ADD CONSTRAINT "tpp_treasurers_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_treasurers" ADD CONSTRAINT "tpp_treasurers_updated_by_user_id_users_id_fk" FOREIGN KEY ("updated_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tpp_treasurers_unit_idx" ON "tpp_treasurers" USING btree ("unit_id","start_date");--> statement-breakpoint
CREATE INDEX "tpp_treasurers_employee_idx" ON "tpp_treasurers" USING btree ("employee_id");