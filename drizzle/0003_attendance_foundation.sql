CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attendance_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"start_time" time,
	"end_time" time,
	"reason" text NOT NULL,
	"attachment_id" uuid,
	"status" text NOT NULL,
	"approver_employee_id" uuid,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"recorded_by_user_id" uuid,
	"working_days" integer,
	"details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_requests_dates_check" CHECK ("attendance_requests"."end_date" >= "attendance_requests"."start_date"),
	CONSTRAINT "attendance_requests_status_check" CHECK ("attendance_requests"."status" in ('diajukan','disetujui','ditolak','dibatalkan'))
);
--> statement-breakpoint
CREATE TABLE "attendance_rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"effective_from" date NOT NULL,
	"regulation" text NOT NULL,
	"rules" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "daily_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"date" date NOT NULL,
	"unit_id" uuid,
	"schedule_id" uuid,
	"planned_start" timestamp with time zone,
	"planned_end" timestamp with time zone,
	"status" text NOT NULL,
	"late_minutes" integer DEFAULT 0 NOT NULL,
	"early_minutes" integer DEFAULT 0 NOT NULL,
	"late_band" text,
	"early_band" text,
	"first_in" timestamp with time zone,
	"last_out" timestamp with time zone,
	"punch_ids" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"request_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"is_final" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device_commands" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"command" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"return_code" integer,
	"result" text,
	CONSTRAINT "device_commands_status_check" CHECK ("device_commands"."status" in ('pending','sent','done','failed'))
);
--> statement-breakpoint
CREATE TABLE "device_raw_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"serial_number" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"query" text,
	"body" "bytea" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"parse_status" text DEFAULT 'pending' NOT NULL,
	"parse_error" text,
	"parsed_at" timestamp with time zone,
	"record_count" integer,
	CONSTRAINT "device_raw_messages_channel_check" CHECK ("device_raw_messages"."channel" in ('adms','zk4370','file')),
	CONSTRAINT "device_raw_messages_parse_check" CHECK ("device_raw_messages"."parse_status" in ('pending','parsed','failed','quarantined'))
);
--> statement-breakpoint
CREATE TABLE "device_user_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid NOT NULL,
	"pin" text NOT NULL,
	"employee_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "device_user_mappings_dates_check" CHECK ("device_user_mappings"."end_date" is null or "device_user_mappings"."end_date" >= "device_user_mappings"."start_date")
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"serial_number" text NOT NULL,
	"name" text NOT NULL,
	"unit_id" uuid,
	"location" text,
	"time_zone" text DEFAULT 'Asia/Jakarta' NOT NULL,
	"push_time_zone" text DEFAULT '7' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"protocol" text DEFAULT 'adms' NOT NULL,
	"host" text,
	"port" integer,
	"comm_key" text,
	"firmware" text,
	"options" jsonb,
	"last_contact_at" timestamp with time zone,
	"last_clock_skew_seconds" integer,
	"last_attlog_stamp" text,
	"last_punch_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devices_status_check" CHECK ("devices"."status" in ('active','quarantine','disabled')),
	CONSTRAINT "devices_protocol_check" CHECK ("devices"."protocol" in ('adms','zk4370','file'))
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid,
	"source" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "holidays_kind_check" CHECK ("holidays"."kind" in ('nasional','cuti_bersama','daerah'))
);
--> statement-breakpoint
CREATE TABLE "punches" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"serial_number" text NOT NULL,
	"pin" text NOT NULL,
	"local_time" timestamp NOT NULL,
	"instant" timestamp with time zone NOT NULL,
	"status_code" integer,
	"verify_code" integer,
	"work_code" text,
	"raw_fields" text[],
	"source" text NOT NULL,
	"raw_message_id" bigint,
	"employee_id" uuid,
	"review_status" text DEFAULT 'ok' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "punches_source_check" CHECK ("punches"."source" in ('adms','zk4370','file')),
	CONSTRAINT "punches_review_check" CHECK ("punches"."review_status" in ('ok','unknown_pin','implausible_time','unknown_device'))
);
--> statement-breakpoint
CREATE TABLE "schedule_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"unit_id" uuid,
	"employee_id" uuid,
	"start_date" date NOT NULL,
	"end_date" date,
	"priority" integer DEFAULT 0 NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedule_assignments_target_check" CHECK ("schedule_assignments"."unit_id" is null or "schedule_assignments"."employee_id" is null),
	CONSTRAINT "schedule_assignments_dates_check" CHECK ("schedule_assignments"."end_date" is null or "schedule_assignments"."end_date" >= "schedule_assignments"."start_date")
);
--> statement-breakpoint
CREATE TABLE "shift_rosters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"date" date NOT NULL,
	"shift_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_schedule_days" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"is_working_day" boolean NOT NULL,
	"start_time" time,
	"end_time" time,
	"break_minutes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "work_schedule_days_weekday_check" CHECK ("work_schedule_days"."weekday" between 1 and 7),
	CONSTRAINT "work_schedule_days_times_check" CHECK (not "work_schedule_days"."is_working_day" or ("work_schedule_days"."start_time" is not null and "work_schedule_days"."end_time" is not null))
);
--> statement-breakpoint
CREATE TABLE "work_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"grace_late_minutes" integer DEFAULT 0 NOT NULL,
	"grace_early_minutes" integer DEFAULT 0 NOT NULL,
	"regulation" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_schedules_kind_check" CHECK ("work_schedules"."kind" in ('fixed','shift')),
	CONSTRAINT "work_schedules_grace_check" CHECK ("work_schedules"."grace_late_minutes" between 0 and 240 and "work_schedules"."grace_early_minutes" between 0 and 240)
);
--> statement-breakpoint
CREATE TABLE "work_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"schedule_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"break_minutes" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_requests" ADD CONSTRAINT "attendance_requests_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_requests" ADD CONSTRAINT "attendance_requests_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_requests" ADD CONSTRAINT "attendance_requests_approver_employee_id_employees_id_fk" FOREIGN KEY ("approver_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_requests" ADD CONSTRAINT "attendance_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_requests" ADD CONSTRAINT "attendance_requests_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_attendance" ADD CONSTRAINT "daily_attendance_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_attendance" ADD CONSTRAINT "daily_attendance_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_attendance" ADD CONSTRAINT "daily_attendance_schedule_id_work_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."work_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_commands" ADD CONSTRAINT "device_commands_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_commands" ADD CONSTRAINT "device_commands_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_user_mappings" ADD CONSTRAINT "device_user_mappings_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_user_mappings" ADD CONSTRAINT "device_user_mappings_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "punches" ADD CONSTRAINT "punches_raw_message_id_device_raw_messages_id_fk" FOREIGN KEY ("raw_message_id") REFERENCES "public"."device_raw_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "punches" ADD CONSTRAINT "punches_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_assignments" ADD CONSTRAINT "schedule_assignments_schedule_id_work_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."work_schedules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_assignments" ADD CONSTRAINT "schedule_assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_assignments" ADD CONSTRAINT "schedule_assignments_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_rosters" ADD CONSTRAINT "shift_rosters_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_rosters" ADD CONSTRAINT "shift_rosters_shift_id_work_shifts_id_fk" FOREIGN KEY ("shift_id") REFERENCES "public"."work_shifts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_schedule_days" ADD CONSTRAINT "work_schedule_days_schedule_id_work_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."work_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_shifts" ADD CONSTRAINT "work_shifts_schedule_id_work_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."work_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_requests_employee_idx" ON "attendance_requests" USING btree ("employee_id","start_date");--> statement-breakpoint
CREATE INDEX "attendance_requests_approver_idx" ON "attendance_requests" USING btree ("approver_employee_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_rule_sets_effective_key" ON "attendance_rule_sets" USING btree ("effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "daily_attendance_employee_date_key" ON "daily_attendance" USING btree ("employee_id","date");--> statement-breakpoint
CREATE INDEX "daily_attendance_unit_date_idx" ON "daily_attendance" USING btree ("unit_id","date");--> statement-breakpoint
CREATE INDEX "daily_attendance_date_status_idx" ON "daily_attendance" USING btree ("date","status");--> statement-breakpoint
CREATE INDEX "device_commands_pending_idx" ON "device_commands" USING btree ("device_id","status");--> statement-breakpoint
CREATE INDEX "device_raw_messages_serial_idx" ON "device_raw_messages" USING btree ("serial_number","received_at");--> statement-breakpoint
CREATE INDEX "device_user_mappings_lookup_idx" ON "device_user_mappings" USING btree ("device_id","pin");--> statement-breakpoint
CREATE INDEX "device_user_mappings_employee_idx" ON "device_user_mappings" USING btree ("employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_serial_key" ON "devices" USING btree ("serial_number");--> statement-breakpoint
CREATE UNIQUE INDEX "holidays_date_unit_key" ON "holidays" USING btree ("date",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE UNIQUE INDEX "punches_device_pin_time_key" ON "punches" USING btree ("serial_number","pin","local_time");--> statement-breakpoint
CREATE INDEX "punches_employee_instant_idx" ON "punches" USING btree ("employee_id","instant");--> statement-breakpoint
CREATE INDEX "punches_review_idx" ON "punches" USING btree ("review_status");--> statement-breakpoint
CREATE INDEX "schedule_assignments_unit_idx" ON "schedule_assignments" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "schedule_assignments_employee_idx" ON "schedule_assignments" USING btree ("employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shift_rosters_key" ON "shift_rosters" USING btree ("employee_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "work_schedule_days_key" ON "work_schedule_days" USING btree ("schedule_id","weekday");--> statement-breakpoint
CREATE UNIQUE INDEX "work_schedules_code_key" ON "work_schedules" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "work_shifts_key" ON "work_shifts" USING btree ("schedule_id","code");