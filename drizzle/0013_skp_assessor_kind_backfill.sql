-- Custom SQL migration file, put your code below! --
-- SKPs snapshotted before 0012 found their assessor (and the assessor's superior) through the superior rule only.
UPDATE "skps" SET "assessor_kind" = 'superior' WHERE "assessor_employee_id" IS NOT NULL AND "assessor_kind" IS NULL;--> statement-breakpoint
UPDATE "skps" SET "assessor_superior_kind" = 'superior' WHERE "assessor_superior_employee_id" IS NOT NULL AND "assessor_superior_kind" IS NULL;
