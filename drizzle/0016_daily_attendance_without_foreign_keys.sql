ALTER TABLE "daily_attendance" DROP CONSTRAINT "daily_attendance_employee_id_employees_id_fk";
--> statement-breakpoint
DROP INDEX "daily_attendance_date_status_idx";