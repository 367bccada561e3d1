CREATE TABLE "skp_assessor_designations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"assessor_employee_id" uuid,
	"official_name" text,
	"official_title" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"reason" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "skp_assessor_designations_kind_check" CHECK ("skp_assessor_designations"."kind" in ('employee','kepala_daerah')),
	CONSTRAINT "skp_assessor_designations_shape_check" CHECK (("skp_assessor_designations"."kind" = 'employee' and "skp_assessor_designations"."assessor_employee_id" is not null and "skp_assessor_designations"."official_name" is null and "skp_assessor_designations"."official_title" is null) or ("skp_assessor_designations"."kind" = 'kepala_daerah' and "skp_assessor_designations"."assessor_employee_id" is null and length(btrim("skp_assessor_designations"."official_name")) > 0 and length(btrim("skp_assessor_designations"."official_title")) > 0)),
	CONSTRAINT "skp_assessor_designations_dates_check" CHECK ("skp_assessor_designations"."end_date" is null or "skp_assessor_designations"."end_date" >= "skp_assessor_designations"."start_date"),
	CONSTRAINT "skp_assessor_designations_reason_check" CHECK (length(btrim("skp_assessor_designations"."reason")) > 0)
);
--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD COLUMN "legacy_orientasi_pelayanan" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD COLUMN "legacy_integritas" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD COLUMN "legacy_komitmen" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD COLUMN "legacy_disiplin" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD COLUMN "legacy_kerja_sama" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD COLUMN "legacy_kepemimpinan" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD COLUMN "legacy_creativity" text;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD COLUMN "recorded_on_behalf_of" text;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD COLUMN "on_behalf_reason" text;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD COLUMN "carried_from_id" uuid;--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD COLUMN "carried_from_id" uuid;--> statement-breakpoint
ALTER TABLE "skp_unit_predikats" ADD COLUMN "set_on_behalf_of" text;--> statement-breakpoint
ALTER TABLE "skp_unit_predikats" ADD COLUMN "on_behalf_reason" text;--> statement-breakpoint
ALTER TABLE "skps" ADD COLUMN "assessor_kind" text;--> statement-breakpoint
ALTER TABLE "skps" ADD COLUMN "assessor_superior_kind" text;--> statement-breakpoint
ALTER TABLE "skps" ADD COLUMN "decided_on_behalf_of" text;--> statement-breakpoint
ALTER TABLE "skps" ADD COLUMN "decided_on_behalf_reason" text;--> statement-breakpoint
ALTER TABLE "skp_assessor_designations" ADD CONSTRAINT "skp_assessor_designations_position_id_positions_id_fk" FOREIGN KEY ("position_id") REFERENCES "public"."positions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_assessor_designations" ADD CONSTRAINT "skp_assessor_designations_assessor_employee_id_employees_id_fk" FOREIGN KEY ("assessor_employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_assessor_designations" ADD CONSTRAINT "skp_assessor_designations_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "skp_assessor_designations_position_idx" ON "skp_assessor_designations" USING btree ("position_id","start_date");--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_carried_from_id_skp_evaluations_id_fk" FOREIGN KEY ("carried_from_id") REFERENCES "public"."skp_evaluations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_realisations" ADD CONSTRAINT "skp_realisations_carried_from_id_skp_realisations_id_fk" FOREIGN KEY ("carried_from_id") REFERENCES "public"."skp_realisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_pp46_aspects_check" CHECK (num_nulls("skp_evaluations"."legacy_orientasi_pelayanan", "skp_evaluations"."legacy_integritas", "skp_evaluations"."legacy_komitmen", "skp_evaluations"."legacy_disiplin", "skp_evaluations"."legacy_kerja_sama") in (0, 5) and ("skp_evaluations"."legacy_kepemimpinan" is null or "skp_evaluations"."legacy_orientasi_pelayanan" is not null) and ("skp_evaluations"."legacy_orientasi_pelayanan" is null or "skp_evaluations"."legacy_behaviour_score" is not null));--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_pp46_aspect_range_check" CHECK (coalesce(least("skp_evaluations"."legacy_orientasi_pelayanan", "skp_evaluations"."legacy_integritas", "skp_evaluations"."legacy_komitmen", "skp_evaluations"."legacy_disiplin", "skp_evaluations"."legacy_kerja_sama", "skp_evaluations"."legacy_kepemimpinan"), 0) >= 0 and coalesce(greatest("skp_evaluations"."legacy_orientasi_pelayanan", "skp_evaluations"."legacy_integritas", "skp_evaluations"."legacy_komitmen", "skp_evaluations"."legacy_disiplin", "skp_evaluations"."legacy_kerja_sama", "skp_evaluations"."legacy_kepemimpinan"), 0) <= 100);--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_creativity_check" CHECK ("skp_evaluations"."legacy_creativity" is null or "skp_evaluations"."legacy_creativity" in ('unit_kerja','organisasi','nasional'));--> statement-breakpoint
ALTER TABLE "skp_evaluations" ADD CONSTRAINT "skp_evaluations_on_behalf_check" CHECK (("skp_evaluations"."recorded_on_behalf_of" is null) = ("skp_evaluations"."on_behalf_reason" is null));--> statement-breakpoint
ALTER TABLE "skp_unit_predikats" ADD CONSTRAINT "skp_unit_predikats_on_behalf_check" CHECK (("skp_unit_predikats"."set_on_behalf_of" is null) = ("skp_unit_predikats"."on_behalf_reason" is null));--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_assessor_kind_check" CHECK ("skps"."assessor_kind" is null or "skps"."assessor_kind" in ('superior','designated','kepala_daerah'));--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_assessor_superior_kind_check" CHECK ("skps"."assessor_superior_kind" is null or "skps"."assessor_superior_kind" in ('superior','designated','kepala_daerah'));--> statement-breakpoint
ALTER TABLE "skps" ADD CONSTRAINT "skps_on_behalf_check" CHECK (("skps"."decided_on_behalf_of" is null) = ("skps"."decided_on_behalf_reason" is null));