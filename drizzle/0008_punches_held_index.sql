DROP INDEX "punches_review_idx";--> statement-breakpoint
CREATE INDEX "punches_held_idx" ON "punches" USING btree ("serial_number","review_status") WHERE "punches"."review_status" <> 'ok';