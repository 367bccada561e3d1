CREATE TABLE "activity_entry_stamps" (
	"employee_id" uuid PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activity_entry_stamps" ADD CONSTRAINT "activity_entry_stamps_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;