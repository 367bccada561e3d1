CREATE TYPE "public"."assignment_kind" AS ENUM('definitif', 'plt', 'plh');--> statement-breakpoint
CREATE TYPE "public"."employee_status" AS ENUM('aktif', 'cltn', 'tugas_belajar', 'diberhentikan_sementara', 'pensiun', 'berhenti', 'meninggal', 'pindah');--> statement-breakpoint
CREATE TYPE "public"."jenis_asn" AS ENUM('PNS', 'PPPK');--> statement-breakpoint
CREATE TYPE "public"."jenis_jabatan" AS ENUM('jpt_utama', 'jpt_madya', 'jpt_pratama', 'administrator', 'pengawas', 'pelaksana', 'fungsional_keahlian', 'fungsional_keterampilan');--> statement-breakpoint
CREATE TYPE "public"."unit_kind" AS ENUM('pemda', 'opd', 'bidang', 'bagian', 'seksi', 'subbagian', 'uptd', 'puskesmas', 'sekolah', 'lainnya');--> statement-breakpoint
CREATE TYPE "public"."granted_role" AS ENUM('admin_bkpsdm', 'admin_opd', 'pimpinan', 'auditor');--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"position_id" uuid NOT NULL,
	"kind" "assignment_kind" NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"decree_number" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_dates_ordered" CHECK ("assignments"."end_date" is null or "assignments"."end_date" >= "assignments"."start_date")
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nip" text NOT NULL,
	"jenis_asn" "jenis_asn" NOT NULL,
	"name" text NOT NULL,
	"gelar_depan" text,
	"gelar_belakang" text,
	"birth_date" date NOT NULL,
	"gender" text NOT NULL,
	"golongan" text,
	"status" "employee_status" DEFAULT 'aktif' NOT NULL,
	"unit_id" uuid,
	"email" text,
	"phone" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employees_nip_format" CHECK ("employees"."nip" ~ '^[0-9]{18}$'),
	CONSTRAINT "employees_gender_check" CHECK ("employees"."gender" in ('L','P'))
);
--> statement-breakpoint
CREATE TABLE "positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"jenis" "jenis_jabatan" NOT NULL,
	"kelas_jabatan" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"superior_position_id" uuid,
	"is_unit_head" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "positions_kelas_range" CHECK ("positions"."kelas_jabatan" between 1 and 17),
	CONSTRAINT "positions_not_own_superior" CHECK ("positions"."superior_position_id" is null or "positions"."superior_position_id" <> "positions"."id")
);
--> statement-breakpoint
CREATE TABLE "superior_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"superior_employee_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "superior_overrides_not_self" CHECK ("superior_overrides"."employee_id" <> "superior_overrides"."superior_employee_id"),
	CONSTRAINT "superior_overrides_dates_ordered" CHECK ("superior_overrides"."end_date" is null or "superior_overrides"."end_date" >= "superior_overrides"."start_date")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"siasn_code" text,
	"name" text NOT NULL,
	"kind" "unit_kind" NOT NULL,
	"parent_id" uuid,
	"time_zone" text DEFAULT 'Asia/Jakarta' NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_not_own_parent" CHECK ("units"."parent_id" is null or "units"."parent_id" <> "units"."id"),
	CONSTRAINT "units_time_zone_check" CHECK ("units"."time_zone" in ('Asia/Jakarta','Asia/Makassar','Asia/Jayapura'))
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"ip" text,
	"scope_unit_id" uuid
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ip" text NOT NULL,
	"login" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "granted_role" NOT NULL,
	"unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_roles_scope" CHECK (("user_roles"."role" = 'admin_opd') = ("user_roles"."unit_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text,
	"employee_id" uuid,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"password_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_has_login" CHECK ("users"."username" is not null or "users"."employee_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "positions" ADD CONSTRAINT "positions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "superior_overrides" ADD CONSTRAINT "superior_overrides_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "superior_overrides" ADD CONSTRAINT "superior_overrides_superior_employee_id_employees_id_fk" FOREIGN KEY ("superior_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_employee_idx" ON "assignments" USING btree ("employee_id","start_date");--> statement-breakpoint
CREATE INDEX "assignments_position_idx" ON "assignments" USING btree ("position_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "employees_nip_key" ON "employees" USING btree ("nip");--> statement-breakpoint
CREATE INDEX "employees_unit_idx" ON "employees" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "employees_name_idx" ON "employees" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "positions_code_key" ON "positions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "positions_unit_idx" ON "positions" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "positions_superior_idx" ON "positions" USING btree ("superior_position_id");--> statement-breakpoint
CREATE INDEX "superior_overrides_employee_idx" ON "superior_overrides" USING btree ("employee_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "units_code_key" ON "units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id");--> statement-breakpoint
CREATE INDEX "audit_log_scope_unit_idx" ON "audit_log" USING btree ("scope_unit_id");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "user_roles_unique" ON "user_roles" USING btree ("user_id","role",coalesce("unit_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree (lower("username"));--> statement-breakpoint
CREATE UNIQUE INDEX "users_employee_key" ON "users" USING btree ("employee_id");