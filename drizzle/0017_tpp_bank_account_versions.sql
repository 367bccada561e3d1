DROP INDEX "tpp_bank_accounts_employee_key";--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD COLUMN "legacy_skp_breakdown" jsonb;--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD COLUMN "feedback_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD COLUMN "feedback_on_behalf_of" text;--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD COLUMN "feedback_on_behalf_reason" text;--> statement-breakpoint
ALTER TABLE "tpp_bank_accounts" ADD COLUMN "active_from" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tpp_bank_accounts" ADD COLUMN "ended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tpp_bank_accounts" ADD COLUMN "ended_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD CONSTRAINT "skp_realisations_feedback_by_user_id_users_id_fk" FOREIGN KEY ("feedback_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tpp_bank_accounts" ADD CONSTRAINT "tpp_bank_accounts_ended_by_user_id_users_id_fk" FOREIGN KEY ("ended_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tpp_bank_accounts_current_key" ON "tpp_bank_accounts" USING btree ("employee_id") WHERE "tpp_bank_accounts"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "tpp_bank_accounts_employee_idx" ON "tpp_bank_accounts" USING btree ("employee_id","ended_at");--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_pp46_breakdown_check" CHECK ("skp_evaluations"."legacy_skp_breakdown" is null or "skp_evaluations"."legacy_skp_score" is not null);--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD CONSTRAINT "skp_realisations_feedback_on_behalf_check" CHECK (("skp_realisations"."feedback_on_behalf_of" is null) = ("skp_realisations"."feedback_on_behalf_reason" is null));--> statement-breakpoint
ALTER TABLE "tpp_bank_accounts" ADD CONSTRAINT "tpp_bank_accounts_period_check" CHECK ("tpp_bank_accounts"."ended_at" is null or "tpp_bank_accounts"."active_from" is null or "tpp_bank_accounts"."ended_at" >= "tpp_bank_accounts"."active_from");