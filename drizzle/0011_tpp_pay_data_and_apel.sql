CREATE TABLE "employee_pay_data" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"is_cpns" boolean DEFAULT false NOT NULL,
	"base_salary" bigint NOT NULL,
	"family_allowance" bigint DEFAULT 0 NOT NULL,
	"position_allowance" bigint DEFAULT 0 NOT NULL,
	"profession_allowance" bigint DEFAULT 0 NOT NULL,
	"decree_number" text,
	"note" text,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employee_pay_data_amounts_check" CHECK ("employee_pay_data"."base_salary" > 0 and "employee_pay_data"."family_allowance" >= 0 and "employee_pay_data"."position_allowance" >= 0 and "employee_pay_data"."profession_allowance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "apel_attendance_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"date" date NOT NULL,
	"employee_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "apel_attendance_records_status_check" CHECK ("apel_attendance_records"."status" in ('hadir','tidak_hadir','dispensasi'))
);
--> statement-breakpoint
CREATE TABLE "apel_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid,
	"weekdays" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"dates" date[] DEFAULT '{}'::date[] NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"is_active" boolean DEFAULT true NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "apel_schedules_days_check" CHECK (cardinality("apel_schedules"."weekdays") > 0 or cardinality("apel_schedules"."dates") > 0),
	CONSTRAINT "apel_schedules_weekdays_check" CHECK ("apel_schedules"."weekdays" <@ array[1,2,3,4,5,6,7]),
	CONSTRAINT "apel_schedules_window_check" CHECK ("apel_schedules"."end_time" > "apel_schedules"."start_time"),
	CONSTRAINT "apel_schedules_effective_check" CHECK ("apel_schedules"."effective_to" is null or "apel_schedules"."effective_to" >= "apel_schedules"."effective_from")
);
--> statement-breakpoint
ALTER TABLE "employee_pay_data" ADD CONSTRAINT "employee_pay_data_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employee_pay_data" ADD CONSTRAINT "employee_pay_data_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apel_attendance_records" ADD CONSTRAINT "apel_attendance_records_schedule_id_apel_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."apel_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apel_attendance_records" ADD CONSTRAINT "apel_attendance_records_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apel_attendance_records" ADD CONSTRAINT "apel_attendance_records_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apel_schedules" ADD CONSTRAINT "apel_schedules_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employee_pay_data_effective_key" ON "employee_pay_data" USING btree ("employee_id","effective_from");--> statement-breakpoint
CREATE INDEX "employee_pay_data_effective_idx" ON "employee_pay_data" USING btree ("effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "apel_attendance_records_key" ON "apel_attendance_records" USING btree ("schedule_id","date","employee_id");--> statement-breakpoint
CREATE INDEX "apel_attendance_records_employee_idx" ON "apel_attendance_records" USING btree ("employee_id","date");--> statement-breakpoint
CREATE INDEX "apel_schedules_unit_idx" ON "apel_schedules" USING btree ("unit_id");