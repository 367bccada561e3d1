ALTER TABLE "daily_attendance" DROP CONSTRAINT "daily_attendance_unit_id_units_id_fk";
--> statement-breakpoint
ALTER TABLE "daily_attendance" DROP CONSTRAINT "daily_attendance_schedule_id_work_schedules_id_fk";
--> statement-breakpoint
DROP INDEX "daily_attendance_employee_date_key";--> statement-breakpoint
ALTER TABLE "daily_attendance" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "daily_attendance" ADD CONSTRAINT "daily_attendance_pkey" PRIMARY KEY("employee_id","date");
