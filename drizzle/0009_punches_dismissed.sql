ALTER TABLE "punches" DROP CONSTRAINT "punches_review_check";--> statement-breakpoint
ALTER TABLE "punches" ADD COLUMN "review_note" text;--> statement-breakpoint
ALTER TABLE "punches" ADD CONSTRAINT "punches_review_check" CHECK ("punches"."review_status" in ('ok','unknown_pin','implausible_time','unknown_device','dismissed'));