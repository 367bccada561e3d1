CREATE TABLE "skp_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"skp_id" uuid NOT NULL,
	"period_kind" text NOT NULL,
	"period_key" text NOT NULL,
	"hasil_kerja_rating" text,
	"perilaku_kerja_rating" text,
	"behaviour_notes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"leader_expectations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"predikat" text,
	"legacy_skp_score" numeric(6, 2),
	"legacy_behaviour_score" numeric(6, 2),
	"legacy_final_score" numeric(6, 2),
	"assessor_employee_id" uuid,
	"assessor_user_id" uuid,
	"is_final" boolean DEFAULT false NOT NULL,
	"finalised_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skp_evaluations_period_kind_check" CHECK ("skp_evaluations"."period_kind" in ('month','quarter','annual')),
	CONSTRAINT "skp_evaluations_period_key_check" CHECK ("skp_evaluations"."period_key" ~ '^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$'),
	CONSTRAINT "skp_evaluations_hasil_check" CHECK ("skp_evaluations"."hasil_kerja_rating" is null or "skp_evaluations"."hasil_kerja_rating" in ('di_atas','sesuai','di_bawah')),
	CONSTRAINT "skp_evaluations_perilaku_check" CHECK ("skp_evaluations"."perilaku_kerja_rating" is null or "skp_evaluations"."perilaku_kerja_rating" in ('di_atas','sesuai','di_bawah')),
	CONSTRAINT "skp_evaluations_predikat_check" CHECK ("skp_evaluations"."predikat" is null or "skp_evaluations"."predikat" in ('sangat_baik','baik','butuh_perbaikan','kurang','sangat_kurang')),
	CONSTRAINT "skp_evaluations_final_check" CHECK (not "skp_evaluations"."is_final" or ("skp_evaluations"."finalised_at" is not null and (("skp_evaluations"."hasil_kerja_rating" is not null and "skp_evaluations"."perilaku_kerja_rating" is not null and "skp_evaluations"."predikat" is not null) or "skp_evaluations"."legacy_final_score" is not null)))
);
--> statement-breakpoint
CREATE TABLE "skp_indicator_realisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"realisation_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skp_indicator_realisations_value_check" CHECK ("skp_indicator_realisations"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "skp_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rhk_id" uuid NOT NULL,
	"aspect" text NOT NULL,
	"text" text NOT NULL,
	"target_value" numeric(18, 4) NOT NULL,
	"target_value_upper" numeric(18, 4),
	"target_unit" text NOT NULL,
	"sort_order" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skp_indicators_aspect_check" CHECK ("skp_indicators"."aspect" in ('kuantitas','kualitas','waktu','biaya')),
	CONSTRAINT "skp_indicators_target_check" CHECK ("skp_indicators"."target_value" >= 0 and ("skp_indicators"."target_value_upper" is null or "skp_indicators"."target_value_upper" >= "skp_indicators"."target_value"))
);
--> statement-breakpoint
CREATE TABLE "skp_realisation_attachments" (
	"realisation_id" uuid NOT NULL,
	"attachment_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skp_realisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rhk_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"rencana_aksi" text,
	"realisasi" text,
	"evidence_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"feedback" text,
	"feedback_by_employee_id" uuid,
	"feedback_at" timestamp with time zone,
	"dialogue_notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skp_realisations_period_check" CHECK ("skp_realisations"."period_key" ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$' and "skp_realisations"."period_end" >= "skp_realisations"."period_start")
);
--> statement-breakpoint
CREATE TABLE "skp_rhk" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"skp_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"perspective" text,
	"supported_rhk_id" uuid,
	"supported_agreement_text" text,
	"origin" text DEFAULT 'own' NOT NULL,
	"previous_rhk_id" uuid,
	"source_rhk_id" uuid,
	"sort_order" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skp_rhk_kind_check" CHECK ("skp_rhk"."kind" in ('utama','tambahan')),
	CONSTRAINT "skp_rhk_origin_check" CHECK ("skp_rhk"."origin" in ('own','from_superior','handed_out','revision')),
	CONSTRAINT "skp_rhk_perspective_check" CHECK ("skp_rhk"."perspective" is null or "skp_rhk"."perspective" in ('penerima_layanan','proses_bisnis','penguatan_internal','anggaran')),
	CONSTRAINT "skp_rhk_not_own_support" CHECK ("skp_rhk"."supported_rhk_id" is null or "skp_rhk"."supported_rhk_id" <> "skp_rhk"."id"),
	CONSTRAINT "skp_rhk_text_check" CHECK (length(btrim("skp_rhk"."text")) > 0)
);
--> statement-breakpoint
CREATE TABLE "skp_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"effective_year" integer NOT NULL,
	"period_kind" text NOT NULL,
	"approach" text NOT NULL,
	"regulation" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skp_settings_year_check" CHECK ("skp_settings"."effective_year" between 2000 and 2100),
	CONSTRAINT "skp_settings_period_kind_check" CHECK ("skp_settings"."period_kind" in ('month','quarter')),
	CONSTRAINT "skp_settings_approach_check" CHECK ("skp_settings"."approach" in ('permenpanrb_6_2022','pp_46_2011'))
);
--> statement-breakpoint
CREATE TABLE "skp_unit_predikats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"predikat" text NOT NULL,
	"note" text,
	"set_by_employee_id" uuid,
	"set_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skp_unit_predikats_predikat_check" CHECK ("skp_unit_predikats"."predikat" in ('istimewa','baik','butuh_perbaikan','kurang','sangat_kurang')),
	CONSTRAINT "skp_unit_predikats_period_key_check" CHECK ("skp_unit_predikats"."period_key" ~ '^[0-9]{4}(-(0[1-9]|1[0-2]|Q[1-4]))?$')
);
--> statement-breakpoint
CREATE TABLE "skps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employee_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"employee_name" text NOT NULL,
	"employee_nip" text NOT NULL,
	"unit_id" uuid,
	"unit_name" text,
	"position_id" uuid,
	"position_name" text,
	"assessor_employee_id" uuid,
	"assessor_name" text,
	"assessor_nip" text,
	"assessor_position_id" uuid,
	"assessor_position_name" text,
	"assessor_superior_employee_id" uuid,
	"assessor_superior_name" text,
	"assessor_superior_nip" text,
	"assessor_superior_position_id" uuid,
	"assessor_superior_position_name" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_revision_id" uuid,
	"revision_reason" text,
	"superseded_at" timestamp with time zone,
	"approach" text NOT NULL,
	"is_jpt" boolean DEFAULT false NOT NULL,
	"dukungan_sumber_daya" text,
	"skema_pertanggungjawaban" text,
	"konsekuensi" text,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by_user_id" uuid,
	"return_note" text,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skps_status_check" CHECK ("skps"."status" in ('draft','submitted','approved','returned')),
	CONSTRAINT "skps_approach_check" CHECK ("skps"."approach" in ('permenpanrb_6_2022','pp_46_2011')),
	CONSTRAINT "skps_year_check" CHECK ("skps"."year" between 2000 and 2100),
	CONSTRAINT "skps_span_check" CHECK ("skps"."end_date" >= "skps"."start_date" and extract(year from "skps"."start_date") = "skps"."year" and extract(year from "skps"."end_date") = "skps"."year"),
	CONSTRAINT "skps_revision_check" CHECK ("skps"."revision" >= 1 and ("skps"."revision" = 1) = ("skps"."previous_revision_id" is null)),
	CONSTRAINT "skps_not_own_assessor" CHECK ("skps"."assessor_employee_id" is null or "skps"."assessor_employee_id" <> "skps"."employee_id")
);
--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_skp_id_skps_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_assessor_employee_id_employees_id_fk" FOREIGN KEY ("assessor_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_assessor_user_id_users_id_fk" FOREIGN KEY ("assessor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_indicator_realisations" ADD CONSTRAINT "skp_indicator_realisations_realisation_id_skp_realisations_id_fk" FOREIGN KEY ("realisation_id") REFERENCES "public"."skp_realisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_indicator_realisations" ADD CONSTRAINT "skp_indicator_realisations_indicator_id_skp_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."skp_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_indicators" ADD CONSTRAINT "skp_indicators_rhk_id_skp_rhk_id_fk" FOREIGN KEY ("rhk_id") REFERENCES "public"."skp_rhk"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_realisation_attachments" ADD CONSTRAINT "skp_realisation_attachments_realisation_id_skp_realisations_id_fk" FOREIGN KEY ("realisation_id") REFERENCES "public"."skp_realisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_realisation_attachments" ADD CONSTRAINT "skp_realisation_attachments_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD CONSTRAINT "skp_realisations_rhk_id_skp_rhk_id_fk" FOREIGN KEY ("rhk_id") REFERENCES "public"."skp_rhk"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD CONSTRAINT "skp_realisations_feedback_by_employee_id_employees_id_fk" FOREIGN KEY ("feedback_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_rhk" ADD CONSTRAINT "skp_rhk_skp_id_skps_id_fk" FOREIGN KEY ("skp_id") REFERENCES "public"."skps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_rhk" ADD CONSTRAINT "skp_rhk_supported_rhk_id_skp_rhk_id_fk" FOREIGN KEY ("supported_rhk_id") REFERENCES "public"."skp_rhk"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_rhk" ADD CONSTRAINT "skp_rhk_previous_rhk_id_skp_rhk_id_fk" FOREIGN KEY ("previous_rhk_id") REFERENCES "public"."skp_rhk"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_rhk" ADD CONSTRAINT "skp_rhk_source_rhk_id_skp_rhk_id_fk" FOREIGN KEY ("source_rhk_id") REFERENCES "public"."skp_rhk"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_settings" ADD CONSTRAINT "skp_settings_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_unit_predikats" ADD CONSTRAINT "skp_unit_predikats_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_unit_predikats" ADD CONSTRAINT "skp_unit_predikats_set_by_employee_id_employees_id_fk" FOREIGN KEY ("set_by_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_unit_predikats" ADD CONSTRAINT "skp_unit_predikats_set_by_user_id_users_id_fk" FOREIGN KEY ("set_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_assessor_employee_id_employees_id_fk" FOREIGN KEY ("assessor_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_assessor_position_id_positions_id_fk" FOREIGN KEY ("assessor_position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_assessor_superior_employee_id_employees_id_fk" FOREIGN KEY ("assessor_superior_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_assessor_superior_position_id_positions_id_fk" FOREIGN KEY ("assessor_superior_position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_previous_revision_id_skps_id_fk" FOREIGN KEY ("previous_revision_id") REFERENCES "public"."skps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "skp_evaluations_skp_period_key" ON "skp_evaluations" USING btree ("skp_id","period_key");--> statement-breakpoint
CREATE INDEX "skp_evaluations_assessor_idx" ON "skp_evaluations" USING btree ("assessor_employee_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "skp_indicator_realisations_key" ON "skp_indicator_realisations" USING btree ("realisation_id","indicator_id");--> statement-breakpoint
CREATE INDEX "skp_indicators_rhk_idx" ON "skp_indicators" USING btree ("rhk_id","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "skp_realisation_attachments_key" ON "skp_realisation_attachments" USING btree ("realisation_id","attachment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skp_realisations_rhk_period_key" ON "skp_realisations" USING btree ("rhk_id","period_key");--> statement-breakpoint
CREATE INDEX "skp_rhk_skp_idx" ON "skp_rhk" USING btree ("skp_id","sort_order");--> statement-breakpoint
CREATE INDEX "skp_rhk_supported_idx" ON "skp_rhk" USING btree ("supported_rhk_id");--> statement-breakpoint
CREATE UNIQUE INDEX "skp_settings_effective_year_key" ON "skp_settings" USING btree ("effective_year");--> statement-breakpoint
CREATE UNIQUE INDEX "skp_unit_predikats_unit_period_key" ON "skp_unit_predikats" USING btree ("unit_id","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "skps_employee_year_revision_key" ON "skps" USING btree ("employee_id","year","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "skps_one_open_revision_key" ON "skps" USING btree ("employee_id","year") WHERE "skps"."status" <> 'approved';--> statement-breakpoint
CREATE UNIQUE INDEX "skps_one_current_approved_key" ON "skps" USING btree ("employee_id","year") WHERE "skps"."status" = 'approved' and "skps"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "skps_assessor_year_idx" ON "skps" USING btree ("assessor_employee_id","year");--> statement-breakpoint
CREATE INDEX "skps_unit_year_idx" ON "skps" USING btree ("unit_id","year");